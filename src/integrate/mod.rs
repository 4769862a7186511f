//! Ordinary differential equation solvers for flows: dy/dt = f(t, y) on a flat state.
//!
//! Solvers write into caller-owned buffers. A [`Solver`] owns its stage buffers, sizes them on
//! first use and reuses them, so integrating allocates nothing per step. Methods: forward Euler
//! (order 1), explicit midpoint (2), classical Runge-Kutta (4) with a fixed number of steps, and
//! adaptive Dormand-Prince 5(4). Time may run backwards (t1 < t0).
//!
//! [`augmented`] builds the ODEs of a continuous normalizing flow on a
//! [`VelocityField`](crate::field::VelocityField): positions, positions with the log-density
//! change, with the full Jacobian, or with a Hutchinson estimate of the divergence.

mod adaptive;
pub mod augmented;
mod budget;
mod dense;
mod error;
mod fixed;
mod initial_step;
mod method;
mod solver;
mod stages;
mod tableau;
#[cfg(test)]
pub(crate) mod tests;

pub use budget::{integrate_with_budget, linear_errors, Scheme};
pub use error::IntegrateError;
pub use method::{DopriConfig, Method, MAX_ADAPTIVE_STEPS, MAX_FIXED_STEPS};
pub use solver::{Solver, Stats};

/// A first-order system dy/dt = f(t, y) over a flat state of fixed length.
pub trait Ode {
    /// Writes f(t, y) into `dy`; `y.len() == dy.len()`.
    fn derivative(&mut self, t: f64, y: &[f64], dy: &mut [f64]);
}
