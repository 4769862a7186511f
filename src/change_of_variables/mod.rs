//! The change of variables: a fixed invertible map φ pushes a density p_0 to
//! p_1(y) = p_0(x) / |det dφ/dx(x)| with x = φ^{-1}(y) (the notes' first formula).
//!
//! The base is always the standard normal. A [`Map1`] maps the line (the notes' Gaussian-to-Gamma
//! map φ = F_Γ^{-1} ∘ Φ, built on [`incomplete_gamma`] and [`normal_cdf`]);
//! [`Map2`] maps the plane (affine, swirl, radial, sinh warp). [`pushforward`] evaluates the pushed
//! density on grids, pushes samples, and draws the image of a regular grid. The notebook's figure
//! reads two panels: [`gamma_panel`] (the line) and [`plane_panel`] (the plane).

pub mod gamma_map;
pub mod gamma_panel;
pub mod incomplete_gamma;
pub mod map1;
pub mod map2;
pub mod normal_cdf;
pub mod plane_panel;
pub mod pushforward;
#[cfg(test)]
mod tests;

pub use gamma_map::GaussianToGamma;
pub use map1::Map1;
pub use map2::Map2;
pub use pushforward::{log_density_1d, log_density_2d, push_2d, pushed_grid_1d, pushed_grid_lines};
