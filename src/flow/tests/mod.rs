//! Tests of the flow: its composition of training, integration, densities and metrics, its
//! input checks, and its byte format.

mod density;
mod evaluate;
mod inputs;
mod save;
mod steps;
mod transport;

use super::{Flow, MAX_NFE, PATH_FRAMES};
use crate::integrate::Method;
use crate::target::Target;
use crate::train::TrainConfig;
use std::sync::OnceLock;

/// M64 trained for 300 steps at batch 128 on 8 Gaussians (once per test binary): far from
/// converged, but a genuinely learned, non-trivial field.
fn trained() -> &'static Flow {
    static FLOW: OnceLock<Flow> = OnceLock::new();
    FLOW.get_or_init(|| {
        let config = TrainConfig {
            batch_size: 128,
            seed: 5,
            ..TrainConfig::default()
        };
        let mut flow = Flow::new(Target::EightGaussians, config).unwrap();
        flow.train(&mut [0.0; 300]).unwrap();
        flow
    })
}

const RK4_20: Method = Method::Rk4 { steps: 20 };
