//! The notebook's SDE/ODE figure: the same base points carried by the reverse-time SDE and by the
//! probability-flow ODE on the diffused 8 Gaussians, recorded at evenly spaced times.

use super::{probability_flow, reverse_sde, DiffusedMixture};
use crate::integrate::Method;
use rand::{rngs::StdRng, SeedableRng};

/// Largest batch and step count of the SDE/ODE comparison (it records every frame of every point).
pub const MAX_SDE_POINTS: u32 = 5_000;
pub const MAX_SDE_STEPS: u32 = 10_000;
/// Default rows of the SDE/ODE comparison: flow times k t_max / (frames - 1), k = 0..frames.
pub const FRAMES: usize = 21;
/// Most rows, and most recorded positions (points times rows), of the SDE/ODE comparison.
pub const MAX_FRAMES: usize = 1_001;
pub const MAX_SDE_RECORDED: usize = 1_000_000;
/// Most point-steps of the SDE/ODE comparison (points x steps), a few seconds natively.
pub const MAX_SDE_WORK: usize = 1 << 22;

/// The SDE/ODE figure: `ode` and `sde` hold FRAMES rows of 2n values, one per time of `times`.
#[derive(Debug)]
pub struct SdePaths {
    pub ode: Vec<f64>,
    pub sde: Vec<f64>,
    pub times: Vec<f64>,
}

/// n samples of p_0 ≈ N(0, I) carried to t_max on 8 Gaussians by RK4 on the probability-flow ODE
/// and by Euler-Maruyama on the reverse SDE, both with `steps` steps, recorded at `frames` evenly
/// spaced times (2..=[`MAX_FRAMES`], at most [`MAX_SDE_RECORDED`] points in all); an interval
/// between frames gets at least one step, so more frames than steps means one step per frame.
pub fn sde_paths(n: u32, seed: u32, steps: u32, frames: usize) -> Result<SdePaths, String> {
    if n == 0 || n > MAX_SDE_POINTS {
        return Err(format!("n must be in 1..={MAX_SDE_POINTS}, got {n}"));
    }
    if steps == 0 || steps > MAX_SDE_STEPS {
        return Err(format!("steps must be in 1..={MAX_SDE_STEPS}, got {steps}"));
    }
    if n as usize * steps as usize > MAX_SDE_WORK {
        return Err(format!(
            "n * steps must be at most {MAX_SDE_WORK}, got {n} points x {steps} steps"
        ));
    }
    if !(2..=MAX_FRAMES).contains(&frames) || frames * n as usize > MAX_SDE_RECORDED {
        return Err(format!(
            "frames must be in 2..={MAX_FRAMES} with n * frames <= {MAX_SDE_RECORDED}, got {frames} frames of {n} points"
        ));
    }
    let mut model = DiffusedMixture::eight_gaussians();
    let t_max = model.t_max();
    let times: Vec<f64> = (0..frames)
        .map(|k| t_max * k as f64 / (frames - 1) as f64)
        .collect();
    let mut start = vec![0.0; 2 * n as usize];
    model.sample(0.0, &mut StdRng::seed_from_u64(seed.into()), &mut start);
    let mut x = start.clone();
    let method = Method::Rk4 {
        steps: steps as usize,
    };
    let ode = probability_flow(&mut model, &mut x, 0.0, &times, method)?;
    let sde = reverse_sde(&model, &mut start, 0.0, &times, steps as usize, seed.into())?;
    Ok(SdePaths { ode, sde, times })
}
