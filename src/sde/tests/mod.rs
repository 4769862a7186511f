//! Tests of the diffused mixture: closed forms first, then the two samplers.

mod comparison;
mod flow_sde;
mod samplers;
mod score;

use crate::integrate::{DopriConfig, Method};

fn tight() -> Method {
    Method::Dopri5(DopriConfig {
        rtol: 1e-10,
        atol: 1e-10,
        ..DopriConfig::default()
    })
}
