//! Buffers between a strided flow state and the field's interleaved batch.

use crate::field::VelocityField;

/// Positions, velocities and Jacobians of a batch, sized on first use and then reused.
#[derive(Clone, Debug, Default)]
pub struct FieldScratch {
    pub(crate) xs: Vec<f64>,
    pub(crate) v: Vec<f64>,
    pub(crate) jac: Vec<f64>,
}

impl FieldScratch {
    /// Gathers the positions of every `stride`-long record of `y` and evaluates v and dv/dx
    /// on the whole batch in one field call.
    pub(crate) fn evaluate<F: VelocityField + ?Sized>(
        &mut self,
        field: &mut F,
        t: f64,
        y: &[f64],
        stride: usize,
    ) {
        let n = y.len() / stride;
        if self.xs.len() != 2 * n {
            self.xs = vec![0.0; 2 * n];
            self.v = vec![0.0; 2 * n];
            self.jac = vec![0.0; 4 * n];
        }
        for (x, record) in self.xs.chunks_exact_mut(2).zip(y.chunks_exact(stride)) {
            x.copy_from_slice(&record[..2]);
        }
        field.velocity_and_jacobian(t, &self.xs, &mut self.v, &mut self.jac);
    }

    /// The per-point (velocity, Jacobian) pairs of the last evaluation.
    pub(crate) fn per_point(&self) -> impl Iterator<Item = (&[f64], &[f64])> {
        self.v.chunks_exact(2).zip(self.jac.chunks_exact(4))
    }
}
