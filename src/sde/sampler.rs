//! The two samplers of a diffusion, recording trajectories for a figure: the probability-flow ODE
//! (deterministic, any [`Method`]) and Euler-Maruyama on the reverse-time SDE (stochastic, seeded).
//!
//! Euler-Maruyama: x ← x + h b(x, t) + √β √h z, z ~ N(0, I), weak order 1. Both functions start from
//! `x` at flow time t0, write the state at every time of `times` into one row of the result
//! (`times.len()` rows of 2n values) and leave `x` at the last time.

use super::diffused::DiffusedMixture;
use crate::integrate::augmented::PositionsOde;
use crate::integrate::{Method, Solver, MAX_FIXED_STEPS};
use crate::random::normal_pair;
use rand::{rngs::StdRng, SeedableRng};

/// Checks t0 <= times[0] <= ... <= 1, all finite, t0 >= 0, and a non-empty batch of points.
pub(super) fn check(x: &[f64], t0: f64, times: &[f64]) -> Result<(), String> {
    if x.is_empty() || !x.len().is_multiple_of(2) {
        return Err("sampler: need a non-empty batch of (x, y) points".into());
    }
    let mut prev = t0;
    if !(0.0..=1.0).contains(&t0) || times.is_empty() {
        return Err(format!(
            "sampler: need t0 in [0, 1] and output times, got t0 = {t0}"
        ));
    }
    for &t in times {
        if !(t >= prev && t <= 1.0) {
            return Err(format!(
                "sampler: times must rise from t0 to at most 1, got {times:?}"
            ));
        }
        prev = t;
    }
    Ok(())
}

/// Integrates the probability-flow ODE dx/dt = β/2 (x + ∇ log p_t) with `method`.
pub fn probability_flow(
    model: &mut DiffusedMixture,
    x: &mut [f64],
    t0: f64,
    times: &[f64],
    method: Method,
) -> Result<Vec<f64>, String> {
    check(x, t0, times)?;
    let mut out = vec![0.0; times.len() * x.len()];
    let mut solver = Solver::new(method).map_err(|e| e.to_string())?;
    solver
        .trajectory(&mut PositionsOde::new(model), t0, x, times, &mut out)
        .map_err(|e| e.to_string())?;
    Ok(out)
}

/// Euler-Maruyama on the reverse-time SDE with nominal step (t_last - t0)/steps; each interval
/// between output times is split into equal steps no longer than that.
pub fn reverse_sde(
    model: &DiffusedMixture,
    x: &mut [f64],
    t0: f64,
    times: &[f64],
    steps: usize,
    seed: u64,
) -> Result<Vec<f64>, String> {
    check(x, t0, times)?;
    if steps == 0 || steps > MAX_FIXED_STEPS {
        return Err(format!(
            "sampler: steps must be in 1..={MAX_FIXED_STEPS}, got {steps}"
        ));
    }
    let mut rng = StdRng::seed_from_u64(seed);
    let out = on_time_grid(x, t0, times, steps, |t, h, x| {
        for p in x.chunks_exact_mut(2) {
            let (drift, g) = model.reverse_sde(t, [p[0], p[1]]);
            let z = normal_pair(&mut rng);
            for i in 0..2 {
                p[i] += h * drift[i] + g * h.sqrt() * z[i];
            }
        }
    });
    if x.iter().all(|v| v.is_finite()) {
        Ok(out)
    } else {
        Err("sampler: the SDE state became non-finite".into())
    }
}

/// Runs `step(t, h, x)` over equal steps from t0 through `times`, nominal step
/// (t_last - t0)/steps, each interval between output times split into equal steps no longer than
/// that; records x at every output time (`times.len()` rows of 2n values).
pub(super) fn on_time_grid(
    x: &mut [f64],
    t0: f64,
    times: &[f64],
    steps: usize,
    mut step: impl FnMut(f64, f64, &mut [f64]),
) -> Vec<f64> {
    let h_nominal = (times[times.len() - 1] - t0) / steps as f64;
    let mut out = Vec::with_capacity(times.len() * x.len());
    let mut t = t0;
    for &t_next in times {
        let n = ((t_next - t) / h_nominal * (1.0 - 1e-12)).ceil().max(0.0) as usize;
        let h = if n > 0 { (t_next - t) / n as f64 } else { 0.0 };
        for k in 0..n {
            step(t + k as f64 * h, h, x);
        }
        t = t_next;
        out.extend_from_slice(x);
    }
    out
}
