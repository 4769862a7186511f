//! Positions and the full Jacobian of the flow map: d/dt [x, J] = [v, (dv/dx) J], J_0 = I.
//!
//! J_t = dx_t/dx_0, so log |det J_t| = ∫_0^t div v ds (Liouville) is read off J directly.

use super::FieldScratch;
use crate::field::VelocityField;
use crate::integrate::Ode;

/// Record per point: `[x, y, J11, J12, J21, J22]` (J row-major); start with J = I.
pub struct JacobianOde<'a, F: VelocityField + ?Sized> {
    field: &'a mut F,
    scratch: FieldScratch,
}

impl<'a, F: VelocityField + ?Sized> JacobianOde<'a, F> {
    pub const STRIDE: usize = 6;
    /// The augmented part of a record at t0: the identity.
    pub const IDENTITY: [f64; 4] = [1.0, 0.0, 0.0, 1.0];

    pub fn new(field: &'a mut F) -> Self {
        Self::with_scratch(field, FieldScratch::default())
    }

    /// Reuses buffers from an earlier ODE (see [`JacobianOde::into_scratch`]).
    pub fn with_scratch(field: &'a mut F, scratch: FieldScratch) -> Self {
        Self { field, scratch }
    }

    pub fn into_scratch(self) -> FieldScratch {
        self.scratch
    }
}

impl<F: VelocityField + ?Sized> Ode for JacobianOde<'_, F> {
    fn derivative(&mut self, t: f64, y: &[f64], dy: &mut [f64]) {
        self.scratch.evaluate(self.field, t, y, Self::STRIDE);
        let records = y
            .chunks_exact(Self::STRIDE)
            .zip(dy.chunks_exact_mut(Self::STRIDE));
        for ((r, d), (v, m)) in records.zip(self.scratch.per_point()) {
            let j = &r[2..];
            d[0] = v[0];
            d[1] = v[1];
            d[2] = m[0] * j[0] + m[1] * j[2];
            d[3] = m[0] * j[1] + m[1] * j[3];
            d[4] = m[2] * j[0] + m[3] * j[2];
            d[5] = m[2] * j[1] + m[3] * j[3];
        }
    }
}

/// log |det J| of a row-major 2x2 matrix.
pub fn log_abs_det(j: &[f64]) -> f64 {
    (j[0] * j[3] - j[1] * j[2]).abs().ln()
}
