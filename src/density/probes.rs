//! Hutchinson's estimator against the exact trace, with k probes, at a batch of points.
//!
//! Pulling a point x back from time t to 0 gives x_0 and B = ∫_t^0 (dv/dx) ds = -∫_0^t (dv/dx) ds
//! ([`TraceIntegral`]); then log p_t(x) = log N(x_0) + tr B exactly, and one probe eps gives the
//! estimate log N(x_0) + eps^T B eps (Hutchinson 1990: E[eps eps^T] = I makes E[eps^T B eps] = tr B).
//! The mean over k independent probes has the variance of one probe over k, where for the
//! symmetric part S = (B + B^T) / 2 (Hutchinson 1990; Avron & Toledo 2011):
//! Rademacher Var = 2 Σ_{i≠j} S_ij² (in 2D (B12 + B21)²), Gaussian Var = 2 ||S||_F².
//! The figure draws many probes per point, so it computes B once and applies the probes to it:
//! the same numbers as integrating one [`Hutchinson`](crate::integrate::augmented::Hutchinson)
//! ODE per probe (tested), for one pass with the Jacobian per point instead of one per probe.

use super::standard_normal_log_density;
use crate::field::VelocityField;
use crate::integrate::augmented::{
    fill_probes, pack, Augmentation, Probe, TraceIntegral, TraceIntegralOde,
};
use crate::integrate::{IntegrateError, Method, Solver};

/// Most probes one estimate averages, times repeats, times points: the probe arithmetic's bound.
pub const MAX_PROBE_DRAWS: usize = 1 << 24;

/// Per point: the exact log p_t and the pulled-back Jacobian integral B (row-major), with
/// `repeats` estimates each averaging `k` probes (row i holds point i's `repeats` estimates).
#[derive(Clone, Debug, PartialEq)]
pub struct ProbeStudy {
    pub exact: Vec<f64>,
    pub trace_integral: Vec<f64>,
    pub estimates: Vec<f64>,
    /// Evaluations of the field (each with its Jacobian) the solver made for the whole batch.
    pub evaluations: usize,
}

/// The variance of one probe's estimate eps^T B eps for a row-major 2x2 B.
pub fn one_probe_variance(b: &[f64], probe: Probe) -> f64 {
    let off = b[1] + b[2];
    match probe {
        Probe::Rademacher => off * off,
        Probe::Gaussian => 2.0 * (b[0] * b[0] + b[3] * b[3]) + off * off,
    }
}

/// Exact log p_t and `repeats` k-probe Hutchinson estimates at every point of `points`
/// (interleaved), integrating back from t to 0 with `method`. Probes come from `seed`.
pub fn probe_study<F: VelocityField + ?Sized>(
    field: &mut F,
    t: f64,
    points: &[f64],
    method: Method,
    probe: Probe,
    (k, repeats, seed): (usize, usize, u64),
) -> Result<ProbeStudy, IntegrateError> {
    let n = points.len() / 2;
    let draws = n.saturating_mul(k).saturating_mul(repeats);
    if k == 0 || repeats == 0 || draws > MAX_PROBE_DRAWS {
        return Err(IntegrateError::InvalidArgument(
            "probes and repeats must be at least 1, and points x probes x repeats at most 2^24",
        ));
    }
    let stride = TraceIntegral::STRIDE;
    let mut state = vec![0.0; stride * n];
    pack(points, TraceIntegral::INITIAL, &mut state)?;
    let mut ode = TraceIntegralOde::new(field, TraceIntegral);
    let stats = Solver::new(method)?.integrate(&mut ode, t, 0.0, &mut state)?;
    let mut eps = vec![0.0; 2 * k * repeats];
    let mut study = ProbeStudy {
        exact: Vec::with_capacity(n),
        trace_integral: Vec::with_capacity(4 * n),
        estimates: Vec::with_capacity(n * repeats),
        evaluations: stats.evaluations,
    };
    for (i, record) in state.chunks_exact(stride).enumerate() {
        let (x0, b) = (&record[..2], &record[2..]);
        let base = standard_normal_log_density(x0);
        study.exact.push(base + b[0] + b[3]);
        study.trace_integral.extend_from_slice(b);
        fill_probes(probe, seed.wrapping_add(i as u64), &mut eps);
        for draw in eps.chunks_exact(2 * k) {
            let sum: f64 = draw
                .chunks_exact(2)
                .map(|e| e[0] * (b[0] * e[0] + b[1] * e[1]) + e[1] * (b[2] * e[0] + b[3] * e[1]))
                .sum();
            study.estimates.push(base + sum / k as f64);
        }
    }
    Ok(study)
}
