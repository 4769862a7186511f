//! The Lagrangian view of a flow's density: follow the points instead of watching a fixed grid.
//!
//! Along a trajectory x_t of dx/dt = v(x, t) the Jacobian J_t = dx_t/dx_0 obeys
//! dJ/dt = (dv/dx) J with J_0 = I, so d/dt log |det J_t| = tr(dv/dx) = div v(x_t, t)
//! (Jacobi's formula), and the change of variables gives
//!
//! log p_t(x_t) = log p_0(x_0) - log |det J_t|,   p_0 = N(0, I).
//!
//! - [`Mesh`]: a grid of vertices pushed forward frame by frame, with x_t, log |det J_t| and
//!   log p_t per vertex and a fixed triangle list, for drawing a deformed, density-coloured mesh;
//! - [`film`]: the mesh at many times from one integration, for scrubbing t without recomputing;
//! - [`compare_at_vertices`]: an Eulerian grid read at the vertices, where the mesh is exact;
//! - [`diagnose`]: both sides of d/dt log |det J_t| = div v along chosen trajectories, computed
//!   independently.

mod agreement;
mod config;
mod diagnostics;
mod film;
mod mesh;
mod stencil;
mod triangles;

#[cfg(test)]
mod tests;

pub use agreement::{compare_at_vertices, compare_films, GridFrame, VertexGap};
pub use config::{MeshConfig, MAX_MESH_SIDE};
pub use diagnostics::{diagnose, Diagnostics, MAX_SAMPLES};
pub use film::{film, MeshFilm, MAX_MESH_FILM, MAX_MESH_FRAMES};
pub use mesh::Mesh;
pub use stencil::STENCIL;
