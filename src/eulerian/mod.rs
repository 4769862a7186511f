//! The Eulerian view of a flow's density: a fixed grid of cells on which the continuity equation
//!
//! ∂p/∂t + ∇·(p v) = 0
//!
//! is solved by finite volumes. Each cell holds the average of p over the cell; it changes only
//! through the fluxes p v·n across its four faces, so the total mass in the box changes only
//! through the boundary, and the solver accounts for every bit of it ([`EulerianGrid::outflow`]).
//!
//! The scheme, one idea per file:
//! - `initial`: p_0 = the exact cell averages of N(0, I);
//! - `faces`: the normal velocity v·n at every face centre, sampled from the field in one batch;
//! - [`table`]: those velocities sampled once at time nodes and interpolated in time;
//! - `reconstruct`: fifth-order upwind (UW5) face values, scaled only as far as positivity needs;
//! - `flux`: upwind fluxes and the finite-volume rate of change dp/dt = -∇·(p v);
//! - [`solver`]: SSP-RK2 (Heun) time steps from the CFL condition, landing exactly on the target time;
//! - [`agreement`]: how far the grid is from the exact density (the Lagrangian view);
//! - [`film`]: the density recorded at many times in one run.

mod access;
pub mod agreement;
mod buffer;
pub mod config;
mod faces;
pub mod film;
mod flux;
mod geometry;
mod initial;
mod reconstruct;
pub mod solver;
pub mod table;

#[cfg(test)]
mod tests;

pub use agreement::{compare, Agreement};
pub use config::{GridConfig, MAX_CELLS, MAX_CFL, MIN_CFL};
pub use faces::{FaceSource, FaceVelocities};
pub use film::Film;
pub use solver::EulerianGrid;
pub use table::{uniform_nodes, FaceTable, MAX_NODES};
