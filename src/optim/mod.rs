//! Optimizers over a network's flat parameter vector.

pub mod adam;

pub use adam::{Adam, AdamConfig};

use crate::field::mlp::Real;

/// True when every value is finite: a trainer checks parameters (or the loss and gradient) after a
/// step and, on false, restores its last good copy instead of continuing from NaN or infinity.
pub fn all_finite<R: Real>(values: &[R]) -> bool {
    values.iter().all(|v| v.is_finite())
}
