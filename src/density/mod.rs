//! Exact log-densities of a continuous normalizing flow.
//!
//! A flow x_t with base x_0 ~ N(0, I) pushes the density to
//! log p_t(x) = log N(x_0; 0, I) - ∫_0^t div v(x_s, s) ds, where x_s is the trajectory through
//! x at time t. It is found by integrating [x, l] backwards from (x, 0) at time t to s = 0:
//! then l = -∫_0^t div v ds and log p_t(x) = log N(x_0) + l.

mod budget;
mod grid;
mod log_density;
mod normal;
mod probes;
#[cfg(test)]
mod tests;

pub use budget::log_density_with_budget;
pub use grid::{Grid, MAX_GRID_POINTS, MAX_GRID_SIDE};
pub use log_density::{log_density, log_density_hutchinson, LogDensity};
pub use normal::standard_normal_log_density;
pub use probes::{one_probe_variance, probe_study, ProbeStudy, MAX_PROBE_DRAWS};
