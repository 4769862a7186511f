//! Positions and the full Jacobian of the flow map: d/dt [x, J] = [v, (dv/dx) J], J_0 = I.
//!
//! J_t = dx_t/dx_0, so log |det J_t| = ∫_0^t div v ds (Liouville) is read off J directly.

use super::{Augmentation, AugmentedOde};

/// The flow map's Jacobian; record per point `[x, y, J11, J12, J21, J22]` (J row-major).
#[derive(Clone, Copy, Debug, Default)]
pub struct Jacobian;

/// The flow ODE with the Jacobian of the flow map.
pub type JacobianOde<'a, F> = AugmentedOde<'a, F, Jacobian>;

impl Augmentation for Jacobian {
    const INITIAL: &'static [f64] = &[1.0, 0.0, 0.0, 1.0];

    fn rate(&self, _i: usize, record: &[f64], m: &[f64], d: &mut [f64]) {
        let j = &record[2..];
        d[0] = m[0] * j[0] + m[1] * j[2];
        d[1] = m[0] * j[1] + m[1] * j[3];
        d[2] = m[2] * j[0] + m[3] * j[2];
        d[3] = m[2] * j[1] + m[3] * j[3];
    }
}

/// log |det J| of a row-major 2x2 matrix.
pub fn log_abs_det(j: &[f64]) -> f64 {
    (j[0] * j[3] - j[1] * j[2]).abs().ln()
}
