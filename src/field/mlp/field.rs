//! A network seen as a [`VelocityField`]: it borrows the weights and owns the scratch space.

use super::workspace::{Times, Workspace};
use super::{Mlp, Real};
use crate::field::VelocityField;

/// Evaluates a trained [`Mlp`] at a shared time t, e.g. inside an ODE integrator.
#[derive(Clone, Debug)]
pub struct MlpField<'a, R: Real> {
    net: &'a Mlp<R>,
    ws: Workspace<R>,
}

impl<'a, R: Real> MlpField<'a, R> {
    pub fn new(net: &'a Mlp<R>) -> Self {
        Self {
            net,
            ws: Workspace::new(),
        }
    }

    pub fn net(&self) -> &Mlp<R> {
        self.net
    }
}

impl<R: Real> VelocityField for MlpField<'_, R> {
    /// # Panics
    /// If the slice lengths break the trait's contract (`xs.len() == out.len()`, even), or the
    /// network is not a vector field (built by [`Mlp::with_io`] with other widths).
    fn velocity(&mut self, t: f64, xs: &[f64], out: &mut [f64]) {
        if let Err(e) = self.net.velocity(&mut self.ws, xs, Times::All(t), out) {
            panic!("MlpField::velocity: {e}");
        }
    }

    /// # Panics
    /// If the slice lengths break the trait's contract (`v.len() == xs.len()`, `jac.len() == 2 xs.len()`).
    fn velocity_and_jacobian(&mut self, t: f64, xs: &[f64], v: &mut [f64], jac: &mut [f64]) {
        if let Err(e) = self
            .net
            .velocity_and_jacobian(&mut self.ws, xs, Times::All(t), v, jac)
        {
            panic!("MlpField::velocity_and_jacobian: {e}");
        }
    }
}
