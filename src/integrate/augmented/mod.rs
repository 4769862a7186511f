//! The ODEs of a continuous normalizing flow, batched: the state holds every point's record
//! (positions first, then the augmented quantities) one after the other, and each stage calls
//! the field once for the whole batch. [`AugmentedOde`] runs the batch; an [`Augmentation`]
//! gives the per-point rate of the augmented entries.
//!
//! | ODE | record per point | derivative |
//! |-----|------------------|------------|
//! | [`PositionsOde`] | x, y | v |
//! | [`DivergenceOde`] | x, y, l | v, div v |
//! | [`JacobianOde`] | x, y, J11, J12, J21, J22 | v, (dv/dx) J |
//! | [`HutchinsonOde`] | x, y, l | v, eps^T (dv/dx) eps |
//! | [`TraceIntegralOde`] | x, y, B11, B12, B21, B22 | v, dv/dx |

mod divergence;
mod hutchinson;
mod jacobian;
mod ode;
mod positions;
mod scratch;
mod trace_integral;

pub use divergence::{Divergence, DivergenceOde};
pub use hutchinson::{fill_probes, Hutchinson, HutchinsonOde, Probe};
pub use jacobian::{log_abs_det, Jacobian, JacobianOde};
pub use ode::{Augmentation, AugmentedOde};
pub use positions::PositionsOde;
pub use scratch::FieldScratch;
pub use trace_integral::{TraceIntegral, TraceIntegralOde};

use super::IntegrateError;

/// Writes the state of a batch: per point `[x, y, tail...]`, so the stride is 2 + tail.len().
pub fn pack(points: &[f64], tail: &[f64], state: &mut [f64]) -> Result<(), IntegrateError> {
    let stride = 2 + tail.len();
    check_batch(points, stride, state.len())?;
    for (record, p) in state.chunks_exact_mut(stride).zip(points.chunks_exact(2)) {
        record[..2].copy_from_slice(p);
        record[2..].copy_from_slice(tail);
    }
    Ok(())
}

/// Copies the positions (first two entries of every record of length `stride`) out of a state.
pub fn unpack_positions(
    state: &[f64],
    stride: usize,
    points: &mut [f64],
) -> Result<(), IntegrateError> {
    check_batch(points, stride, state.len())?;
    for (record, p) in state.chunks_exact(stride).zip(points.chunks_exact_mut(2)) {
        p.copy_from_slice(&record[..2]);
    }
    Ok(())
}

/// Checks that `points` is a non-empty batch of 2D points and that a state of records of
/// length `stride` for it has length `state_len`.
fn check_batch(points: &[f64], stride: usize, state_len: usize) -> Result<(), IntegrateError> {
    if points.is_empty() {
        return Err(IntegrateError::EmptyState);
    }
    if !points.len().is_multiple_of(2) {
        return Err(IntegrateError::InvalidArgument(
            "points must be interleaved (x, y) pairs",
        ));
    }
    let expected = points.len() / 2 * stride;
    if state_len != expected {
        return Err(IntegrateError::LengthMismatch {
            what: "state",
            expected,
            got: state_len,
        });
    }
    Ok(())
}
