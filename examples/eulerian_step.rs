//! Times one SSP-RK2 step of the Eulerian solver (both stages, fluxes and the field evaluation at
//! all face centres), with a cheap analytic field and with the standard network M64 (untrained: a
//! step costs the same), on three grids. Reports the best of several runs, so that a busy machine
//! distorts the figure less.
//!
//! cargo run --release --example eulerian_step

use flowlab::eulerian::{EulerianGrid, GridConfig};
use flowlab::field::analytic::Affine;
use flowlab::field::mlp::{Mlp, MlpConfig, MlpField};
use flowlab::field::VelocityField;
use std::time::Instant;

/// The best time per step over `runs` calls, each advancing t by 1/`runs` of [0, 0.7].
fn best_step(field: &mut dyn VelocityField, cells: usize, runs: usize) -> Result<f64, String> {
    let mut grid = EulerianGrid::new(GridConfig {
        cells,
        ..GridConfig::default()
    })?;
    let mut best = f64::INFINITY;
    for run in 1..=runs {
        let steps = grid.steps();
        let start = Instant::now();
        grid.advance_to(field, 0.7 * run as f64 / runs as f64)?;
        let per_step = start.elapsed().as_secs_f64() / (grid.steps() - steps) as f64;
        best = best.min(per_step);
    }
    Ok(best)
}

fn main() -> Result<(), String> {
    let net = Mlp::<f32>::new(MlpConfig::M64, 0)?;
    for cells in [64, 128, 256] {
        let analytic = best_step(&mut Affine::linear([0.5, -1.0, 1.0, -0.3]), cells, 7)?;
        let m64 = best_step(&mut MlpField::new(&net), cells, 3)?;
        println!(
            "{cells} x {cells}: {:.3} ms per step with an analytic field, {:.2} ms with M64",
            1e3 * analytic,
            1e3 * m64
        );
    }
    Ok(())
}
