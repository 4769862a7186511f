//! Times one flow-matching training step of the standard network M64 (3 x 64, SiLU, f32) at batch
//! 256: forward pass, loss, backward pass and an Adam update, on fixed synthetic data.
//!
//! `cargo run --release --example bench_train_step [steps]`

use flowlab::field::mlp::{Mlp, MlpConfig, Workspace};
use flowlab::optim::Adam;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use std::time::Instant;

const BATCH: usize = 256;

fn main() -> Result<(), String> {
    let steps: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(3000);
    let mut net = Mlp::<f32>::new(MlpConfig::M64, 0)?;
    let mut rng = StdRng::seed_from_u64(1);
    let mut uniform = |len: usize| {
        (0..len)
            .map(|_| rng.random_range(-2.0..2.0))
            .collect::<Vec<f64>>()
    };
    let (xt, u) = (uniform(2 * BATCH), uniform(2 * BATCH));
    let t: Vec<f64> = uniform(BATCH).iter().map(|s| (s + 2.0) / 4.0).collect();
    let mut ws = Workspace::new();
    let mut grad = vec![0.0f32; net.n_params()];
    let mut adam = Adam::new(net.n_params(), 1e-3)?;
    let mut step = |net: &mut Mlp<f32>| -> Result<f64, String> {
        let loss = net.loss_and_gradient(&mut ws, &xt, &t, &u, &mut grad)?;
        adam.step(net.params_mut(), &grad)?;
        Ok(loss)
    };
    let first = step(&mut net)?;
    let start = Instant::now();
    let mut last = first;
    for _ in 0..steps {
        last = step(&mut net)?;
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "M64 batch {BATCH}: {steps} steps in {secs:.3} s = {:.0} steps/s ({:.1} us/step); loss {first:.4} -> {last:.4}",
        steps as f64 / secs,
        1e6 * secs / steps as f64
    );
    Ok(())
}
