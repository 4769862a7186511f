//! What the exact minibatch optimal-transport pairing costs on its own: N(0, I) noise against
//! samples of four targets, at batch 256 and 1024. One JSON object per target and batch size,
//! with the minimum and median time of a pairing over many batches (each timed several times),
//! and the sum of the optimal totals (a checksum: any exact solver gives the same to rounding).
//!
//! `cargo run --release --example bench_assignment [-- --quick]`

use flowlab::pairing::{Coupler, Pairing};
use flowlab::random::fill_standard_normal;
use flowlab::target::Target;
use rand::{rngs::StdRng, SeedableRng};
use std::time::Instant;

fn main() -> Result<(), String> {
    let quick = std::env::args().any(|a| a == "--quick");
    for (n, batches) in [(256, 200), (1024, 10)] {
        let batches = if quick { batches / 10 } else { batches };
        let mut coupler = Coupler::new(Pairing::OptimalTransport, n)?;
        let (mut x0, mut x1, mut out) = (vec![0.0; 2 * n], vec![0.0; 2 * n], vec![0.0; 2 * n]);
        for name in ["8gaussians", "checkerboard", "moons", "2spirals"] {
            let target = Target::from_name(name)?;
            let mut rng = StdRng::seed_from_u64(1);
            let (mut times, mut checksum) = (Vec::new(), 0.0);
            for _ in 0..batches {
                target.sample(&mut rng, &mut x1);
                fill_standard_normal(&mut rng, &mut x0);
                for _ in 0..3 {
                    let start = Instant::now();
                    let total = coupler.pair(&x0, &x1, &mut out);
                    times.push(start.elapsed().as_secs_f64() * 1e3);
                    checksum += total / 3.0;
                }
            }
            times.sort_by(f64::total_cmp);
            println!(
                "{{\"bench\": \"flowlab_native_assignment\", \"unit\": \"ms\", \"target\": \"{name}\", \
                 \"batch\": {n}, \"min\": {:.4}, \"median\": {:.4}, \"checksum\": {checksum:.9}}}",
                times[0],
                times[times.len() / 2]
            );
        }
    }
    Ok(())
}
