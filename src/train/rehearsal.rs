//! An optimizer step rehearsed on a copy, so that a bad update never touches the real weights.
//!
//! The copy holds the same parameters and Adam state as the trainer. Each update runs on the copy
//! first; only if every resulting parameter is finite does the trainer apply the same update
//! (Adam is deterministic, so both stay bit-identical). If not, the copy is reset from the
//! trainer, which still holds the last good weights and moments. The cost is one extra Adam pass.

use crate::optim::Adam;

/// The rehearsal copy of the parameters and of the optimizer.
#[derive(Clone, Debug)]
pub(super) struct Rehearsal {
    params: Vec<f32>,
    adam: Adam<f32>,
}

impl Rehearsal {
    /// A copy of the trainer's `params` and `adam`.
    pub(super) fn new(params: &[f32], adam: &Adam<f32>) -> Self {
        Self {
            params: params.to_vec(),
            adam: adam.clone(),
        }
    }

    /// Applies `grad` to the copy; returns the index of the first non-finite parameter, if any.
    pub(super) fn try_step(&mut self, grad: &[f32]) -> Result<Option<usize>, String> {
        self.adam.step(&mut self.params, grad)?;
        Ok(self.params.iter().position(|p| !p.is_finite()))
    }

    /// Makes the copy equal to the trainer's state again (after a refused update, or after the
    /// trainer's state was changed from outside, e.g. a new learning rate).
    pub(super) fn reset(&mut self, params: &[f32], adam: &Adam<f32>) {
        self.params.copy_from_slice(params);
        self.adam = adam.clone();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_update_is_undone_by_reset() {
        let params = [0.5_f32, -1.0, 2.0];
        let adam = Adam::new(3, 1e-2).unwrap();
        let mut rehearsal = Rehearsal::new(&params, &adam);
        assert_eq!(rehearsal.try_step(&[1.0, -1.0, 0.0]), Ok(None));
        // Adam's first step moves each parameter by lr sign(g) (0 for g = 0).
        assert_eq!(rehearsal.params, [0.49, -0.99, 2.0]);
        assert_eq!(rehearsal.try_step(&[0.0, f32::NAN, 0.0]), Ok(Some(1)));
        rehearsal.reset(&params, &adam);
        assert_eq!(rehearsal.params, params);
        assert_eq!(format!("{:?}", rehearsal.adam), format!("{adam:?}"));
        assert!(rehearsal.try_step(&[1.0; 2]).is_err());
    }
}
