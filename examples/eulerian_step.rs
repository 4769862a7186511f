//! Times one SSP-RK2 step of the Eulerian solver (both stages, fluxes and the field evaluation at
//! all face centres) with a cheap analytic field, on the default and a finer grid. Reports the
//! best of several runs, so that a busy machine distorts the figure less.
//!
//! cargo run --release --example eulerian_step

use flowlab::eulerian::{EulerianGrid, GridConfig};
use flowlab::field::analytic::Affine;
use std::time::Instant;

fn main() -> Result<(), String> {
    let mut field = Affine::linear([0.5, -1.0, 1.0, -0.3]);
    for cells in [64, 128, 256] {
        let mut grid = EulerianGrid::new(GridConfig {
            cells,
            ..GridConfig::default()
        })?;
        let mut best = f64::INFINITY;
        for run in 1..=7 {
            let steps = grid.steps();
            let start = Instant::now();
            grid.advance_to(&mut field, 0.1 * run as f64)?;
            let per_step = start.elapsed().as_secs_f64() / (grid.steps() - steps) as f64;
            best = best.min(per_step);
        }
        let steps = grid.steps() / 7;
        println!(
            "{cells} x {cells}: {:.3} ms per step (best of 7 runs of ~{steps} steps)",
            1e3 * best
        );
    }
    Ok(())
}
