//! A network seen as a [`VelocityField`]: it borrows the weights and owns the scratch space.

use super::workspace::{Times, Workspace};
use super::{Mlp, Real};
use crate::field::VelocityField;

/// Points per pass through the network: a batch's activations then stay in the cache, and the
/// scratch space stays small however many points are integrated.
const CHUNK: usize = 256;

/// Evaluates a trained [`Mlp`] at a shared time t, e.g. inside an ODE integrator, [`CHUNK`]
/// points at a time.
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
        assert_eq!(
            xs.len(),
            out.len(),
            "MlpField::velocity: xs and out differ in length"
        );
        for (x, o) in xs.chunks(2 * CHUNK).zip(out.chunks_mut(2 * CHUNK)) {
            if let Err(e) = self.net.velocity(&mut self.ws, x, Times::All(t), o) {
                panic!("MlpField::velocity: {e}");
            }
        }
    }

    /// # Panics
    /// If the slice lengths break the trait's contract (`v.len() == xs.len()`, `jac.len() == 2 xs.len()`).
    fn velocity_and_jacobian(&mut self, t: f64, xs: &[f64], v: &mut [f64], jac: &mut [f64]) {
        assert!(
            v.len() == xs.len() && jac.len() == 2 * xs.len(),
            "MlpField::velocity_and_jacobian: buffer lengths do not match the points"
        );
        let chunks = xs.chunks(2 * CHUNK).zip(v.chunks_mut(2 * CHUNK));
        for ((x, v), jac) in chunks.zip(jac.chunks_mut(4 * CHUNK)) {
            if let Err(e) = self
                .net
                .velocity_and_jacobian(&mut self.ws, x, Times::All(t), v, jac)
            {
                panic!("MlpField::velocity_and_jacobian: {e}");
            }
        }
    }
}
