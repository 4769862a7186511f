//! Positions only: dx/dt = v(x, t).

use crate::field::VelocityField;
use crate::integrate::Ode;

/// The flow of a batch of points; the state is the interleaved batch itself, so the field reads
/// and writes the solver's buffers directly.
pub struct PositionsOde<'a, F: VelocityField + ?Sized> {
    field: &'a mut F,
}

impl<'a, F: VelocityField + ?Sized> PositionsOde<'a, F> {
    pub fn new(field: &'a mut F) -> Self {
        Self { field }
    }
}

impl<F: VelocityField + ?Sized> Ode for PositionsOde<'_, F> {
    fn derivative(&mut self, t: f64, y: &[f64], dy: &mut [f64]) {
        self.field.velocity(t, y, dy);
    }
}
