//! The JavaScript boundary: the only module with `#[wasm_bindgen]`. Each export validates what
//! JavaScript passes in, calls the pure-Rust core, and converts the result. Nothing here panics on
//! bad input: errors come back as a `JsError` whose message says what was wrong.

use wasm_bindgen::prelude::*;

mod affine_coupling;
mod args;
mod change;
mod convert;
mod films;
mod marginal;
mod method;
mod model;
mod notebook;
mod options;
mod probes;
mod samples;
mod settings;
mod steps;
mod types;
mod views;

pub use affine_coupling::CouplingModel;
pub use change::{change_of_variables_1d, change_of_variables_2d, change_of_variables_at};
pub use films::{compare_views, eulerian_film, face_velocities, lagrangian_film};
pub use marginal::{conditional_average_at, marginal_field};
pub use model::FlowModel;
pub use notebook::{ode_as_sde, residual_convergence, sde_vs_ode};
pub use probes::{hutchinson_study, hutchinson_study_linear};
pub use samples::standard_normal_samples;
pub use steps::{linear_errors_export, steps_study};
pub use views::{trajectory_check, EulerianView, LagrangianView};

/// The crate version, so the page can show which core it runs.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// The names of the built-in targets.
#[wasm_bindgen]
pub fn target_names() -> Vec<String> {
    crate::target::NAMES.iter().map(|s| s.to_string()).collect()
}
