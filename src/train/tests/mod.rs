//! Tests of the trainer: determinism, the loss it reports, divergence, couplings, paths, settings.

mod couplings;
mod determinism;
mod divergence;
mod loss;
mod reflow;
mod settings;

use super::TrainConfig;
use crate::field::mlp::{Mlp, Times, Workspace};
use crate::target::Target;

/// M64 at batch 128 with the given seed: fast enough for a few hundred steps per test.
fn quick(seed: u64) -> TrainConfig {
    TrainConfig {
        batch_size: 128,
        seed,
        ..TrainConfig::default()
    }
}

fn gaussians() -> Target {
    Target::EightGaussians
}

fn mean(xs: &[f64]) -> f64 {
    xs.iter().sum::<f64>() / xs.len() as f64
}

/// mean_b ||v(x_b, t_b) - u_b||² computed point by point with the network's forward pass.
fn reference_loss<R: crate::field::mlp::Real>(
    net: &Mlp<R>,
    xt: &[f64],
    t: &[f64],
    u: &[f64],
) -> f64 {
    let mut ws = Workspace::new();
    let mut v = [0.0; 2];
    let total: f64 = (0..t.len())
        .map(|b| {
            let x = &xt[2 * b..2 * b + 2];
            net.velocity(&mut ws, x, Times::All(t[b]), &mut v).unwrap();
            (v[0] - u[2 * b]).powi(2) + (v[1] - u[2 * b + 1]).powi(2)
        })
        .sum();
    total / t.len() as f64
}
