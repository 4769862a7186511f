//! Positions and log-density change: d/dt [x, l] = [v(x, t), div v(x, t)].
//!
//! Started at l = 0, l(t) = ∫_0^t div v(x_s, s) ds and the instantaneous change of variables
//! gives log p_t(x_t) = log p_0(x_0) - l(t).

use super::FieldScratch;
use crate::field::{divergence, VelocityField};
use crate::integrate::Ode;

/// Record per point: `[x, y, l]`.
pub struct DivergenceOde<'a, F: VelocityField + ?Sized> {
    field: &'a mut F,
    scratch: FieldScratch,
}

impl<'a, F: VelocityField + ?Sized> DivergenceOde<'a, F> {
    pub const STRIDE: usize = 3;

    pub fn new(field: &'a mut F) -> Self {
        Self::with_scratch(field, FieldScratch::default())
    }

    /// Reuses buffers from an earlier ODE (see [`DivergenceOde::into_scratch`]).
    pub fn with_scratch(field: &'a mut F, scratch: FieldScratch) -> Self {
        Self { field, scratch }
    }

    pub fn into_scratch(self) -> FieldScratch {
        self.scratch
    }
}

impl<F: VelocityField + ?Sized> Ode for DivergenceOde<'_, F> {
    fn derivative(&mut self, t: f64, y: &[f64], dy: &mut [f64]) {
        self.scratch.evaluate(self.field, t, y, Self::STRIDE);
        for (d, (v, jac)) in dy
            .chunks_exact_mut(Self::STRIDE)
            .zip(self.scratch.per_point())
        {
            d[0] = v[0];
            d[1] = v[1];
            d[2] = divergence(jac);
        }
    }
}
