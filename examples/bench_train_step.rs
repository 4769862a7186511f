//! Times one flow-matching training step of the standard network M64 (3 x 64, SiLU, f32) at batch
//! 256: forward pass, loss, backward pass and an Adam update, on fixed synthetic data.
//!
//! Native: `cargo run --release --example bench_train_step [steps]`.
//! WebAssembly: build with `RUSTFLAGS="-C target-feature=+simd128" cargo rustc --release --example
//! bench_train_step --target wasm32-unknown-unknown --crate-type cdylib`, then time the exported
//! `train_steps(steps)` from JavaScript (e.g. with Node).

use flowlab::field::mlp::{Mlp, MlpConfig, Workspace};
use flowlab::optim::Adam;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

const BATCH: usize = 256;

/// A network, its optimizer and one fixed synthetic batch.
struct Bench {
    net: Mlp<f32>,
    adam: Adam<f32>,
    ws: Workspace<f32>,
    grad: Vec<f32>,
    xt: Vec<f64>,
    t: Vec<f64>,
    u: Vec<f64>,
}

impl Bench {
    fn new() -> Result<Self, String> {
        let net = Mlp::<f32>::new(MlpConfig::M64, 0)?;
        let mut rng = StdRng::seed_from_u64(1);
        let mut uniform =
            |len: usize, lo: f64, hi: f64| (0..len).map(|_| rng.random_range(lo..hi)).collect();
        let (xt, t, u) = (
            uniform(2 * BATCH, -2.0, 2.0),
            uniform(BATCH, 0.0, 1.0),
            uniform(2 * BATCH, -2.0, 2.0),
        );
        let adam = Adam::new(net.n_params(), 1e-3)?;
        let grad = vec![0.0; net.n_params()];
        Ok(Self {
            net,
            adam,
            ws: Workspace::new(),
            grad,
            xt,
            t,
            u,
        })
    }

    /// One training step; returns the loss before the update.
    fn step(&mut self) -> Result<f64, String> {
        let loss =
            self.net
                .loss_and_gradient(&mut self.ws, &self.xt, &self.t, &self.u, &mut self.grad)?;
        self.adam.step(self.net.params_mut(), &self.grad)?;
        Ok(loss)
    }
}

/// Builds a bench and takes `steps` training steps; returns the last loss (NaN on error).
#[cfg(target_arch = "wasm32")]
#[no_mangle]
pub extern "C" fn train_steps(steps: u32) -> f64 {
    let run = || -> Result<f64, String> {
        let mut bench = Bench::new()?;
        (0..steps).try_fold(f64::NAN, |_, _| bench.step())
    };
    run().unwrap_or(f64::NAN)
}

fn main() -> Result<(), String> {
    let steps: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(3000);
    let mut bench = Bench::new()?;
    let first = bench.step()?;
    let start = std::time::Instant::now();
    let mut last = first;
    for _ in 0..steps {
        last = bench.step()?;
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "M64 batch {BATCH}: {steps} steps in {secs:.3} s = {:.0} steps/s ({:.1} us/step); loss {first:.4} -> {last:.4}",
        steps as f64 / secs,
        1e6 * secs / steps as f64
    );
    Ok(())
}
