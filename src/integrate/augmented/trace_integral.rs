//! Positions and the integral of the field's Jacobian along each path:
//! d/dt [x, B] = [v, dv/dx], B_0 = 0, so B_t = ∫_0^t (dv/dx)(x_s, s) ds.
//!
//! tr B_t is the log-density change ∫ div v ds, and with one probe eps held fixed along the path
//! Hutchinson's estimate is eps^T B_t eps: the trajectory does not depend on eps, and a
//! Runge-Kutta step is linear in the augmented entries, so the discrete estimate of the
//! [`Hutchinson`](super::Hutchinson) ODE equals eps^T B eps of the same steps (to rounding).

use super::{Augmentation, AugmentedOde};

/// The Jacobian integral as the rate of B; record per point `[x, y, B11, B12, B21, B22]`.
#[derive(Clone, Copy, Debug, Default)]
pub struct TraceIntegral;

/// The flow ODE with the path integral of the field's Jacobian.
pub type TraceIntegralOde<'a, F> = AugmentedOde<'a, F, TraceIntegral>;

impl Augmentation for TraceIntegral {
    const INITIAL: &'static [f64] = &[0.0; 4];

    fn rate(&self, _i: usize, _record: &[f64], jac: &[f64], d: &mut [f64]) {
        d.copy_from_slice(jac);
    }
}
