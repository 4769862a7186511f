//! Flow-matching training (Lipman et al. 2022): regress a network v(x, t) on the conditional
//! velocity of a probability path.
//!
//! One step draws a minibatch: data x1 ~ q, noise x0 ~ N(0, I), pairs them by a [`Pairing`]
//! (as drawn, or by minibatch optimal transport), draws t ~ U[0, t_max), forms
//! x_t = a(t) x1 + s(t) x0 and u_t = a'(t) x1 + s'(t) x0 from the [`Path`], and takes one Adam
//! step on the loss
//!
//! L(θ) = (1/B) Σ_b ||v_θ(x_t,b, t_b) - u_t,b||²,
//!
//! the squared error summed over the two components and averaged over the batch: the loss of the
//! PyTorch reference, so the numbers compare. Minimising it over θ matches the marginal velocity
//! field whose flow carries N(0, I) at t = 0 to q at t = 1.
//!
//! [`Pairing`]: crate::pairing::Pairing
//! [`Path`]: crate::path::Path

mod batch;
mod config;
mod error;
mod rehearsal;
#[cfg(test)]
mod tests;
mod trainer;

pub use batch::Batch;
pub use config::{TrainConfig, MAX_BATCH};
pub use error::{NonFinite, TrainError};
pub use trainer::{FlowMatchingTrainer, MAX_STEPS_PER_CALL};
