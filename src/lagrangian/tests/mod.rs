//! Checks of the Lagrangian view against closed forms (nalgebra's matrix exponential, Gaussian
//! densities), finite differences, and the independent backward route of `density::LogDensity`.

mod affine;
mod crosscheck;
mod fields;
mod film;
mod identity;
mod incremental;
mod validation;

use super::{Mesh, MeshConfig};
use crate::integrate::{DopriConfig, Method};

/// A `side × side` mesh on the default box [-3, 3]².
fn mesh(side: usize) -> Mesh {
    Mesh::new(MeshConfig {
        side,
        ..MeshConfig::default()
    })
    .unwrap()
}

/// DOPRI5 at tolerances far below every test's threshold.
fn tight() -> Method {
    Method::Dopri5(DopriConfig {
        rtol: 1e-11,
        atol: 1e-12,
        ..DopriConfig::default()
    })
}
