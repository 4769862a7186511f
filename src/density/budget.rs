//! Log-density at a budget of function evaluations: the exact-divergence ODE [x, l] pulled back
//! from t to 0 by a fixed-step [`Scheme`], log p_t(x) = log N(x_0) + l, so that samplers and
//! likelihoods of different orders can be compared at equal cost.

use super::standard_normal_log_density;
use crate::field::VelocityField;
use crate::integrate::augmented::{pack, Augmentation, Divergence, DivergenceOde};
use crate::integrate::{integrate_with_budget, IntegrateError, Scheme};

/// log p_t at every point of `points` (interleaved) into `out` (length n); returns the
/// evaluations spent (each one with the Jacobian).
pub fn log_density_with_budget<F: VelocityField + ?Sized>(
    field: &mut F,
    t: f64,
    points: &[f64],
    (scheme, nfe): (Scheme, usize),
    out: &mut [f64],
) -> Result<usize, IntegrateError> {
    let stride = Divergence::STRIDE;
    let mut state = vec![0.0; stride * out.len()];
    pack(points, Divergence::INITIAL, &mut state)?;
    let mut ode = DivergenceOde::new(field, Divergence);
    let spent = integrate_with_budget(scheme, &mut ode, (t, 0.0), nfe, &mut state)?;
    for (o, r) in out.iter_mut().zip(state.chunks_exact(stride)) {
        *o = standard_normal_log_density(&r[..2]) + r[2];
    }
    Ok(spent)
}
