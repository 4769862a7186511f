//! A flow's ODE read again as an SDE: for a Gaussian path the score is an affine function of the
//! velocity, so any ε gives an SDE with the flow's marginals (Song et al. 2021, §D.1; Albergo et
//! al. 2023, stochastic interpolants; Ma et al. 2024, SiT).
//!
//! On x_t = t x1 + (1 - t) x0 with x0 ~ N(0, I), x = t E[x1|x] + (1 - t) E[x0|x] and
//! u_t(x) = E[x1 - x0 | x] give E[x0 | x] = x - t u_t(x); Tweedie's formula
//! E[x0 | x] = -(1 - t) ∇ log p_t(x) then gives, for t < 1,
//!   ∇ log p_t(x) = (t u_t(x) - x) / (1 - t).
//! If u_t generates p_t (∂p/∂t = -∇·(p u)), the SDE dx = [u + ½ε² ∇ log p_t] dt + ε dW has the same
//! Fokker-Planck equation, ∂p/∂t = -∇·(p u) - ½ε² ∇·(p ∇ log p) + ½ε² Δp = -∇·(p u), since
//! p ∇ log p = ∇p: every marginal is kept, the paths are not.

use crate::field::VelocityField;
use crate::random::normal_pair;
use rand::{rngs::StdRng, SeedableRng};

use super::sampler::{check, on_time_grid};

/// ∇ log p_t(x) = (t v - x) / (1 - t) from the velocity v = u_t(x) of the linear path; t < 1
/// (at t = 1 the relation holds only as a limit and this divides by zero).
pub fn score_from_velocity(t: f64, x: [f64; 2], v: [f64; 2]) -> [f64; 2] {
    [0, 1].map(|i| (t * v[i] - x[i]) / (1.0 - t))
}

/// One Euler-Maruyama step of dx = [v + ½ε² ∇ log p_t] dt + ε dW from time t (< 1) with step h and
/// Brownian increments `dw` (2n values, each N(0, h)); `v` is scratch of 2n values.
pub fn euler_maruyama_step<F: VelocityField + ?Sized>(
    field: &mut F,
    epsilon: f64,
    t: f64,
    h: f64,
    x: &mut [f64],
    v: &mut [f64],
    dw: &[f64],
) {
    field.velocity(t, x, v);
    let half = 0.5 * epsilon * epsilon;
    for ((p, vp), w) in x
        .chunks_exact_mut(2)
        .zip(v.chunks_exact(2))
        .zip(dw.chunks_exact(2))
    {
        let score = score_from_velocity(t, [p[0], p[1]], [vp[0], vp[1]]);
        for i in 0..2 {
            p[i] += h * (vp[i] + half * score[i]) + epsilon * w[i];
        }
    }
}

/// Euler-Maruyama (weak order 1; strong order 1 here, the noise being additive) on the flow's SDE
/// with noise scale ε >= 0, from `x` at t0 through `times` (rising, at most 1), nominal step
/// (t_last - t0)/steps, each interval split into equal steps no longer than that. Returns
/// `times.len()` rows of 2n values and leaves `x` at the last time. The drift is evaluated only at
/// the left end of each step, so never at t = 1.
pub fn flow_sde<F: VelocityField + ?Sized>(
    field: &mut F,
    epsilon: f64,
    x: &mut [f64],
    t0: f64,
    times: &[f64],
    steps: usize,
    seed: u64,
) -> Result<Vec<f64>, String> {
    check(x, t0, times)?;
    if !(epsilon.is_finite() && epsilon >= 0.0) {
        return Err(format!(
            "flow SDE: ε must be finite and >= 0, got {epsilon}"
        ));
    }
    if steps == 0 {
        return Err("flow SDE: need at least one step".into());
    }
    let mut rng = StdRng::seed_from_u64(seed);
    let (mut v, mut dw) = (vec![0.0; x.len()], vec![0.0; x.len()]);
    let out = on_time_grid(x, t0, times, steps, |t, h, x| {
        for pair in dw.chunks_exact_mut(2) {
            pair.copy_from_slice(&normal_pair(&mut rng).map(|z| h.sqrt() * z));
        }
        euler_maruyama_step(field, epsilon, t, h, x, &mut v, &dw);
    });
    if x.iter().all(|v| v.is_finite()) {
        Ok(out)
    } else {
        Err("flow SDE: the state became non-finite".into())
    }
}
