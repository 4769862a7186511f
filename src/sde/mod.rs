//! Diffusion models as flows: the VP SDE (Song et al. 2021) on a target whose score is known.
//!
//! For a Gaussian mixture every marginal of the VP diffusion is again a mixture, so the score
//! ∇ log p_t and the probability-flow velocity are closed forms ([`GaussianMixture`],
//! [`DiffusedMixture`]). [`sampler`] draws from it with the reverse-time SDE (Euler-Maruyama) and
//! with the probability-flow ODE (the integrators), recording trajectories: same marginals,
//! stochastic versus deterministic paths.
//!
//! The same holds for flow matching's linear path ([`LinearMixture`]): [`flow_sde`] reads its ODE
//! again as a family of SDEs, the score taken from the velocity ([`score_from_velocity`]).

pub mod comparison;
pub mod diffused;
pub mod flow_sde;
pub mod linear_mixture;
pub mod mixture;
pub mod reread;
pub mod sampler;
#[cfg(test)]
mod tests;

pub use diffused::{DiffusedMixture, Schedule};
pub use flow_sde::{flow_sde, score_from_velocity};
pub use linear_mixture::{LinearMixture, Moments};
pub use mixture::{GaussianMixture, LocalScore};
pub use sampler::{probability_flow, reverse_sde};
