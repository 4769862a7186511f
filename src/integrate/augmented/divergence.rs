//! Positions and log-density change: d/dt [x, l] = [v(x, t), div v(x, t)].
//!
//! Started at l = 0, l(t) = ∫_0^t div v(x_s, s) ds and the instantaneous change of variables
//! gives log p_t(x_t) = log p_0(x_0) - l(t).

use super::{Augmentation, AugmentedOde};
use crate::field::divergence;

/// The exact divergence as the rate of l; record per point `[x, y, l]`.
#[derive(Clone, Copy, Debug, Default)]
pub struct Divergence;

/// The flow ODE with the log-density change.
pub type DivergenceOde<'a, F> = AugmentedOde<'a, F, Divergence>;

impl Augmentation for Divergence {
    const INITIAL: &'static [f64] = &[0.0];

    fn rate(&self, _i: usize, _record: &[f64], jac: &[f64], d: &mut [f64]) {
        d[0] = divergence(jac);
    }
}
