//! The settings of a coupling flow, its target and its training, as the page names them (the
//! options of `new CouplingModel(options)`), with limits that keep memory bounded.

use super::{CouplingConfig, CouplingFlow, MaximumLikelihoodTrainer};
use crate::field::mlp::Activation;
use crate::target::Target;
use serde::Deserialize;

/// Most weights over all conditioners (with Adam's two moments, about 50 MB).
pub const MAX_PARAMS: usize = 2_000_000;
/// Most f64 values a pass through the flow holds at once ([`cost_per_point`] per point), 64 MB.
pub const ACTIVATION_BUDGET: usize = 1 << 23;

/// `{ target, layers, width, depth, activation, scale_bound, lr, batch, seed }`.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct CouplingSettings {
    pub target: String,
    pub layers: usize,
    pub width: usize,
    pub depth: usize,
    pub activation: String,
    pub scale_bound: f64,
    pub lr: f64,
    pub batch: usize,
    pub seed: u64,
}

impl Default for CouplingSettings {
    /// 8 couplings with 2 x 32 tanh conditioners on 8 Gaussians, Adam at 5e-3, batches of 256.
    fn default() -> Self {
        let c = CouplingConfig::default();
        Self {
            target: "8gaussians".into(),
            layers: c.layers,
            width: c.width,
            depth: c.depth,
            activation: c.activation.name().into(),
            scale_bound: c.scale_bound,
            lr: 5e-3,
            batch: 256,
            seed: 0,
        }
    }
}

/// Values one point holds in a pass through every layer: per conditioner the hidden activations,
/// their pre-activations and gradients (3 x depth x width), and per layer the recorded input,
/// conditioner output and their gradients (8), plus its log-determinant.
pub fn cost_per_point(config: &CouplingConfig) -> usize {
    config.layers * (3 * config.depth * config.width + 9)
}

/// How many points to push through the flow at once so that [`ACTIVATION_BUDGET`] holds.
pub fn chunk_points(config: &CouplingConfig) -> usize {
    (ACTIVATION_BUDGET / cost_per_point(config).max(1)).max(1)
}

impl CouplingSettings {
    /// The validated architecture.
    pub fn config(&self) -> Result<CouplingConfig, String> {
        let config = CouplingConfig {
            layers: self.layers,
            depth: self.depth,
            width: self.width,
            activation: Activation::from_name(&self.activation)?,
            scale_bound: self.scale_bound,
        };
        config.validate()?;
        Ok(config)
    }

    /// Weights and biases of all conditioners: each maps 1 -> width (2 width), then (depth - 1) x
    /// (width -> width), then width -> 2 (2 width + 2).
    pub fn weights(&self) -> usize {
        let hidden = self.depth.saturating_sub(1) * (self.width + 1) * self.width;
        self.layers.saturating_mul(4 * self.width + 2 + hidden)
    }

    /// A fresh flow (the identity) with its trainer on the named target.
    pub fn trainer(&self) -> Result<MaximumLikelihoodTrainer, String> {
        let target = Target::from_name(&self.target)?;
        let config = self.config()?;
        if !(self.lr > 0.0 && self.lr <= 1.0) {
            return Err(format!("lr must be in (0, 1], got {}", self.lr));
        }
        if self.batch.saturating_mul(cost_per_point(&config)) > ACTIVATION_BUDGET {
            return Err(format!(
                "batch x layers x depth x width must be at most {ACTIVATION_BUDGET}, got {} x {}",
                self.batch,
                cost_per_point(&config)
            ));
        }
        if self.weights() > MAX_PARAMS {
            return Err(format!(
                "at most {MAX_PARAMS} weights, these settings need {}",
                self.weights()
            ));
        }
        let flow = CouplingFlow::new(config, self.seed)?;
        MaximumLikelihoodTrainer::new(flow, target, self.lr, self.batch, self.seed.wrapping_add(1))
    }
}
