//! What the exact minibatch optimal-transport pairing costs on its own: N(0, I) noise against
//! samples of four targets, at batch 256 and 1024. One JSON object per target and batch size,
//! with the minimum and median time of a pairing over many batches (each timed several times),
//! and the sum of the optimal totals (a checksum: any exact solver gives the same to rounding).
//!
//! With `--batches FILE`, the first [`SHARED`] batches of each target and size are also written
//! to FILE, one JSON object each (x0, x1 interleaved, and our optimal total), for
//! bench/assignment_ref.py to time reference solvers on the very same batches.
//!
//! `cargo run --release --example bench_assignment [-- --quick] [--batches FILE]`

use flowlab::pairing::{Coupler, Pairing};
use flowlab::random::fill_standard_normal;
use flowlab::target::Target;
use rand::{rngs::StdRng, SeedableRng};
use std::fs::File;
use std::io::{BufWriter, Write};
use std::time::Instant;

/// Batches per target and size written for the reference solvers.
const SHARED: usize = 50;

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().collect();
    let quick = args.iter().any(|a| a == "--quick");
    let mut shared = match args.iter().position(|a| a == "--batches") {
        Some(k) => {
            let path = args.get(k + 1).ok_or("--batches needs a file name")?;
            Some(BufWriter::new(
                File::create(path).map_err(|e| format!("{path}: {e}"))?,
            ))
        }
        None => None,
    };
    for (n, batches) in [(256, 200), (1024, 10)] {
        let batches = if quick { batches / 10 } else { batches };
        let mut coupler = Coupler::new(Pairing::OptimalTransport, n)?;
        let (mut x0, mut x1, mut out) = (vec![0.0; 2 * n], vec![0.0; 2 * n], vec![0.0; 2 * n]);
        for name in ["8gaussians", "checkerboard", "moons", "2spirals"] {
            let target = Target::from_name(name)?;
            let mut rng = StdRng::seed_from_u64(1);
            let (mut times, mut checksum) = (Vec::new(), 0.0);
            for b in 0..batches {
                target.sample(&mut rng, &mut x1);
                fill_standard_normal(&mut rng, &mut x0);
                let mut total = 0.0;
                for _ in 0..3 {
                    let start = Instant::now();
                    total = coupler.pair(&x0, &x1, &mut out);
                    times.push(start.elapsed().as_secs_f64() * 1e3);
                }
                checksum += total;
                if let Some(file) = shared.as_mut().filter(|_| b < SHARED) {
                    writeln!(
                        file,
                        "{{\"target\": \"{name}\", \"batch\": {n}, \"total\": {total:?}, \
                         \"x0\": {x0:?}, \"x1\": {x1:?}}}"
                    )
                    .map_err(|e| e.to_string())?;
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
    if let Some(mut file) = shared {
        file.flush().map_err(|e| e.to_string())?;
    }
    Ok(())
}
