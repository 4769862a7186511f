//! Thin exports for two of the notebook's figures: residual flows converging to the ODE, and the
//! diffusion's SDE next to its probability-flow ODE.
//!
//! The work is done by plain-Rust helpers returning `Result<_, String>` (tested natively); the
//! `#[wasm_bindgen]` functions only convert.

use super::args::{arg, error};
use super::convert::ObjectBuilder;
use super::model::FlowModel;
use crate::integrate::{DopriConfig, Method};
use crate::residual::{convergence, Convergence};
use crate::sde::{probability_flow, reverse_sde, DiffusedMixture};
use js_sys::Array;
use rand::{rngs::StdRng, SeedableRng};
use wasm_bindgen::prelude::*;

/// Largest accepted number of points.
pub const MAX_POINTS: usize = 1_000_000;
/// Largest accepted K for the residual flow, and most K values per call.
pub const MAX_RESIDUAL_STEPS: u32 = 10_000;
const MAX_LEVELS: usize = 64;
/// Most values the levels hold (points x levels; 3 f64 each: about 100 MB at the limit).
pub const MAX_LEVEL_POINTS: usize = 1 << 22;
/// Most field evaluations with the Jacobian over all levels (points x the sum of K), so that one
/// call stays within seconds to a minute.
pub const MAX_RESIDUAL_WORK: usize = 1 << 26;
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

/// Checks the residual request: a finite, non-empty batch of at most [`MAX_POINTS`] (x, y) points
/// and 1..=[`MAX_LEVELS`] values of K, each in 1..=[`MAX_RESIDUAL_STEPS`], within
/// [`MAX_LEVEL_POINTS`] and [`MAX_RESIDUAL_WORK`].
pub fn residual_request(x0: &[f64], ks: &[u32]) -> Result<Vec<usize>, String> {
    if x0.is_empty() || !x0.len().is_multiple_of(2) || x0.len() > 2 * MAX_POINTS {
        return Err(format!(
            "need 1..={MAX_POINTS} interleaved (x, y) points, got {} values",
            x0.len()
        ));
    }
    if x0.iter().any(|x| !x.is_finite()) {
        return Err("points must be finite".into());
    }
    if ks.is_empty() || ks.len() > MAX_LEVELS {
        return Err(format!(
            "need 1..={MAX_LEVELS} values of K, got {}",
            ks.len()
        ));
    }
    let ks = ks
        .iter()
        .map(|&k| match k {
            1..=MAX_RESIDUAL_STEPS => Ok(k as usize),
            _ => Err(format!("K must be in 1..={MAX_RESIDUAL_STEPS}, got {k}")),
        })
        .collect::<Result<Vec<_>, _>>()?;
    let n = x0.len() / 2;
    let work = n.saturating_mul(ks.iter().sum());
    if n.saturating_mul(ks.len()) > MAX_LEVEL_POINTS || work > MAX_RESIDUAL_WORK {
        return Err(format!(
            "{n} points at {} levels with {} steps in all is too much work: points x levels must \
             be at most {MAX_LEVEL_POINTS} and points x the sum of K at most {MAX_RESIDUAL_WORK}",
            ks.len(),
            ks.iter().sum::<usize>()
        ));
    }
    Ok(ks)
}

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

/// `residual_convergence(model, x0, ks)`: `{ exact: { positions, log_density }, levels: [{ k,
/// positions, log_density, position_rms_error, log_density_mean_error, folded }] }`, the exact flow
/// by DOPRI5; `folded` counts the points at which a step folds the plane (their log-density is NaN).
#[wasm_bindgen]
pub fn residual_convergence(
    model: &FlowModel,
    x0: JsValue,
    ks: JsValue,
) -> Result<JsValue, JsError> {
    const CONTEXT: &str = "residual_convergence";
    let x0 = arg(CONTEXT, "x0", &x0).numbers(2 * MAX_POINTS)?;
    let ks = arg(CONTEXT, "ks", &ks).counts(MAX_LEVELS)?;
    let ks = residual_request(&x0, &ks).map_err(|e| error(CONTEXT, e))?;
    let method = model.bounded(
        CONTEXT,
        Method::Dopri5(DopriConfig::default()),
        x0.len() / 2,
    )?;
    let Convergence { levels, exact } =
        convergence(&mut model.field(), &x0, &ks, method).map_err(|e| error(CONTEXT, e))?;
    let rows = Array::new();
    for l in &levels {
        rows.push(
            &ObjectBuilder::default()
                .set("k", l.steps as f64)
                .array("positions", &l.positions)
                .array("log_density", &l.log_density)
                .set("position_rms_error", l.position_rms_error)
                .set("log_density_mean_error", l.log_density_mean_error)
                .set("folded", l.folded as f64)
                .build(),
        );
    }
    let exact = ObjectBuilder::default()
        .array("positions", &exact.positions)
        .array("log_density", &exact.log_density)
        .build();
    Ok(ObjectBuilder::default()
        .set("exact", exact)
        .set("levels", rows)
        .build())
}

/// `sde_vs_ode(n, seed, steps, frames = 21)`: `{ ode, sde, times }`, `frames` rows by time of 2n
/// values, on 8 Gaussians.
#[wasm_bindgen]
pub fn sde_vs_ode(
    n: JsValue,
    seed: JsValue,
    steps: JsValue,
    frames: JsValue,
) -> Result<JsValue, JsError> {
    const CONTEXT: &str = "sde_vs_ode";
    let n = arg(CONTEXT, "n", &n).integer(0, u32::MAX.into())? as u32;
    let seed = arg(CONTEXT, "seed", &seed).integer(0, u32::MAX.into())? as u32;
    let steps = arg(CONTEXT, "steps", &steps).integer(0, u32::MAX.into())? as u32;
    let frames = arg(CONTEXT, "frames", &frames);
    let frames = if frames.missing() {
        FRAMES
    } else {
        frames.count(0, MAX_FRAMES)?
    };
    let p = sde_paths(n, seed, steps, frames).map_err(|e| error(CONTEXT, e))?;
    Ok(ObjectBuilder::default()
        .array("ode", &p.ode)
        .array("sde", &p.sde)
        .array("times", &p.times)
        .build())
}
