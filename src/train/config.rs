//! The settings of a training run, validated before anything is built.

use crate::field::mlp::MlpConfig;
use crate::pairing::{Pairing, MAX_OT_POINTS};
use crate::path::{Linear, Path};

/// Largest accepted batch size.
pub const MAX_BATCH: usize = 4096;

/// What to train and how: the network, the probability path, the coupling of noise and data,
/// the batch size, Adam's learning rate, and the seed that fixes every random draw.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TrainConfig {
    pub network: MlpConfig,
    pub path: Path,
    pub coupling: Pairing,
    pub batch_size: usize,
    pub learning_rate: f64,
    pub seed: u64,
}

impl Default for TrainConfig {
    /// The reference setting: M64, the linear path with sigma_min = 0, independent coupling,
    /// batch 256, learning rate 1e-3, seed 0.
    fn default() -> Self {
        Self {
            network: MlpConfig::M64,
            path: Path::Linear(Linear::new(0.0).expect("sigma_min = 0 is valid")),
            coupling: Pairing::Independent,
            batch_size: 256,
            learning_rate: 1e-3,
            seed: 0,
        }
    }
}

impl TrainConfig {
    /// Checks the network sizes, 1 <= batch <= [`MAX_BATCH`] (and <= [`MAX_OT_POINTS`] for optimal
    /// transport, whose pairing costs O(B³)), and a finite learning rate in (0, 1].
    /// The path needs no check: its constructors validate it.
    pub fn validate(&self) -> Result<(), String> {
        self.network.validate()?;
        if !(1..=MAX_BATCH).contains(&self.batch_size) {
            return Err(format!(
                "batch size must be between 1 and {MAX_BATCH}, got {}",
                self.batch_size
            ));
        }
        if self.coupling == Pairing::OptimalTransport && self.batch_size > MAX_OT_POINTS {
            return Err(format!(
                "optimal-transport coupling needs a batch of at most {MAX_OT_POINTS} points \
                 (its cost grows like B³), got {}",
                self.batch_size
            ));
        }
        check_learning_rate(self.learning_rate)
    }
}

/// A learning rate must be finite, positive and at most 1.
pub(super) fn check_learning_rate(lr: f64) -> Result<(), String> {
    if lr.is_finite() && lr > 0.0 && lr <= 1.0 {
        Ok(())
    } else {
        Err(format!("learning rate must be in (0, 1], got {lr}"))
    }
}
