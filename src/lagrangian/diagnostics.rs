//! The central identity of continuous flows, checked along trajectories:
//!
//! d/dt log |det J_t| = div v(x_t, t).
//!
//! Two independent routes: J_t comes from its own ODE dJ/dt = (dv/dx) J (which never forms the
//! divergence), and its log-determinant is differentiated numerically in time ([`super::stencil`]);
//! div v is read straight off the field's Jacobian at x_t. Their agreement is evidence for the
//! identity (and for the integrator), not a restatement of it.

use super::stencil::{differentiate, STENCIL};
use crate::density::standard_normal_log_density;
use crate::field::{divergence, VelocityField};
use crate::integrate::augmented::{log_abs_det, pack, Augmentation, Jacobian, JacobianOde};
use crate::integrate::{Method, Solver};

/// The most (starting point, time) pairs one call may ask for.
pub const MAX_SAMPLES: usize = 1 << 20;

/// Per starting point i and time k, stored point-major at index i · times.len() + k (positions:
/// twice that, interleaved), so each curve is contiguous.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostics {
    pub times: Vec<f64>,
    /// Number of starting points.
    pub points: usize,
    /// x_t.
    pub positions: Vec<f64>,
    /// log |det J_t| from the Jacobian ODE.
    pub log_det: Vec<f64>,
    /// log p_t(x_t) = log N(x_0; 0, I) - log |det J_t|.
    pub log_density: Vec<f64>,
    /// d/dt log |det J_t| by fourth-order finite differences of `log_det`.
    pub log_det_rate: Vec<f64>,
    /// div v(x_t, t) from the field's Jacobian.
    pub divergence: Vec<f64>,
    /// max |log_det_rate - divergence| over all points and times.
    pub max_gap: f64,
}

/// Integrates x and J from `starts` (interleaved x_0) at t = 0 through `times` (strictly
/// increasing in [0, 1], at least [`STENCIL`] of them) with `method`, and evaluates both sides
/// of the identity at every time.
pub fn diagnose<F: VelocityField + ?Sized>(
    field: &mut F,
    starts: &[f64],
    times: &[f64],
    method: Method,
) -> Result<Diagnostics, String> {
    check(starts, times)?;
    let (m, nt) = (starts.len() / 2, times.len());
    let stride = Jacobian::STRIDE;
    let mut state = vec![0.0; stride * m];
    pack(starts, Jacobian::INITIAL, &mut state).map_err(|e| e.to_string())?;
    let mut trajectory = vec![0.0; nt * stride * m];
    Solver::new(method)
        .and_then(|mut s| {
            let mut ode = JacobianOde::new(field, Jacobian);
            s.trajectory(&mut ode, 0.0, &mut state, times, &mut trajectory)
        })
        .map_err(|e| e.to_string())?;

    let mut d = Diagnostics {
        times: times.to_vec(),
        points: m,
        positions: vec![0.0; 2 * m * nt],
        log_det: vec![0.0; m * nt],
        log_density: vec![0.0; m * nt],
        log_det_rate: vec![0.0; m * nt],
        divergence: vec![0.0; m * nt],
        max_gap: 0.0,
    };
    let (mut xs, mut v, mut jac) = (vec![0.0; 2 * m], vec![0.0; 2 * m], vec![0.0; 4 * m]);
    for (k, (&t, row)) in times
        .iter()
        .zip(trajectory.chunks_exact(stride * m))
        .enumerate()
    {
        for (i, (record, x)) in row
            .chunks_exact(stride)
            .zip(xs.chunks_exact_mut(2))
            .enumerate()
        {
            let at = i * nt + k;
            x.copy_from_slice(&record[..2]);
            d.positions[2 * at..2 * at + 2].copy_from_slice(x);
            d.log_det[at] = log_abs_det(&record[2..]);
            d.log_density[at] =
                standard_normal_log_density(&starts[2 * i..2 * i + 2]) - d.log_det[at];
        }
        field.velocity_and_jacobian(t, &xs, &mut v, &mut jac);
        for (i, j) in jac.chunks_exact(4).enumerate() {
            d.divergence[i * nt + k] = divergence(j);
        }
    }
    for (log_det, rate) in d
        .log_det
        .chunks_exact(nt)
        .zip(d.log_det_rate.chunks_exact_mut(nt))
    {
        differentiate(times, log_det, rate);
    }
    d.max_gap = d
        .log_det_rate
        .iter()
        .zip(&d.divergence)
        .fold(0.0, |g, (a, b)| g.max((a - b).abs()));
    Ok(d)
}

/// Starting points: a non-empty, finite, interleaved batch; times: strictly increasing in [0, 1],
/// at least [`STENCIL`]; together at most [`MAX_SAMPLES`] pairs.
fn check(starts: &[f64], times: &[f64]) -> Result<(), String> {
    if starts.is_empty() || !starts.len().is_multiple_of(2) || !starts.iter().all(|x| x.is_finite())
    {
        return Err("starting points must be a non-empty list of finite (x, y) pairs".into());
    }
    if times.len() < STENCIL {
        return Err(format!(
            "need at least {STENCIL} times for the finite differences, got {}",
            times.len()
        ));
    }
    if (starts.len() / 2).saturating_mul(times.len()) > MAX_SAMPLES {
        return Err(format!(
            "at most {MAX_SAMPLES} (point, time) pairs, got {} x {}",
            starts.len() / 2,
            times.len()
        ));
    }
    if !times.iter().all(|t| (0.0..=1.0).contains(t)) {
        return Err("times must lie in [0, 1]".into());
    }
    if !times.windows(2).all(|w| w[0] < w[1]) {
        return Err("times must be strictly increasing".into());
    }
    Ok(())
}
