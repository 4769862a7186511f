//! The batched flow ODE shared by every augmentation: one field call per stage, then a
//! per-point rule for the augmented entries.

use super::FieldScratch;
use crate::field::VelocityField;
use crate::integrate::Ode;

/// What is carried along with the positions of each point, and how it changes.
pub trait Augmentation {
    /// The augmented entries of a record at the start time (J = I, l = 0, ...).
    const INITIAL: &'static [f64];
    /// Record length per point: two positions, then the augmented entries.
    const STRIDE: usize = 2 + Self::INITIAL.len();

    /// Writes d/dt of point `i`'s augmented entries into `d`, given its whole `record` and
    /// its field Jacobian `jac` (row-major dv/dx).
    fn rate(&self, i: usize, record: &[f64], jac: &[f64], d: &mut [f64]);
}

/// d/dt [x, a] = [v(x, t), rate(a)] for a batch of `STRIDE`-long records.
pub struct AugmentedOde<'a, F: VelocityField + ?Sized, A> {
    field: &'a mut F,
    augmentation: A,
    scratch: FieldScratch,
}

impl<'a, F: VelocityField + ?Sized, A: Augmentation> AugmentedOde<'a, F, A> {
    pub fn new(field: &'a mut F, augmentation: A) -> Self {
        Self::with_scratch(field, augmentation, FieldScratch::default())
    }

    /// Reuses buffers from an earlier ODE (see [`AugmentedOde::into_scratch`]).
    pub fn with_scratch(field: &'a mut F, augmentation: A, scratch: FieldScratch) -> Self {
        Self {
            field,
            augmentation,
            scratch,
        }
    }

    pub fn into_scratch(self) -> FieldScratch {
        self.scratch
    }
}

impl<F: VelocityField + ?Sized, A: Augmentation> Ode for AugmentedOde<'_, F, A> {
    fn derivative(&mut self, t: f64, y: &[f64], dy: &mut [f64]) {
        self.scratch.evaluate(self.field, t, y, A::STRIDE);
        let records = y
            .chunks_exact(A::STRIDE)
            .zip(dy.chunks_exact_mut(A::STRIDE));
        for (i, ((r, d), (v, jac))) in records.zip(self.scratch.per_point()).enumerate() {
            d[0] = v[0];
            d[1] = v[1];
            self.augmentation.rate(i, r, jac, &mut d[2..]);
        }
    }
}
