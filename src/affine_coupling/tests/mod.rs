//! Tests of the coupling flow: exactness of the change of variables, then gradients and training.

mod chunked;
mod exactness;
mod learning;
mod save;
mod terms;

use super::*;
use rand::{rngs::StdRng, Rng, SeedableRng};

/// A flow far from the identity: every weight redrawn from U(-0.6, 0.6).
fn random_flow(config: CouplingConfig, seed: u64) -> CouplingFlow {
    let mut flow = CouplingFlow::new(config, seed).unwrap();
    let mut rng = StdRng::seed_from_u64(seed + 100);
    for net in flow.nets_mut() {
        for p in net.params_mut() {
            *p = rng.random_range(-0.6..0.6);
        }
    }
    flow
}

fn small() -> CouplingConfig {
    CouplingConfig {
        layers: 3,
        depth: 1,
        width: 5,
        ..CouplingConfig::default()
    }
}

const XS: [f64; 10] = [0.3, -0.2, 1.5, 0.7, -2.0, 1.1, 0.0, 0.0, -0.4, -2.6];
