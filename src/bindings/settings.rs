//! The options object of `new FlowModel(options)`: what to learn and how, as JavaScript names it.

use crate::field::mlp::{Activation, MlpConfig};
use crate::pairing::{Pairing, ReflowPlan};
use crate::path::{Linear, Path, Vp};
use crate::target::{Points, Target};
use crate::train::TrainConfig;
use serde::Deserialize;

/// `{ target, jitter, path, sigma_min, coupling, width, depth, activation, lr, batch, seed }`;
/// the points of a `'points'` target travel separately (a typed array).
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct ModelSettings {
    pub target: String,
    pub jitter: f64,
    pub path: String,
    pub sigma_min: f64,
    pub coupling: String,
    pub width: usize,
    pub depth: usize,
    pub activation: String,
    pub lr: f64,
    pub batch: usize,
    pub seed: u64,
}

impl Default for ModelSettings {
    /// The standard model M64 on 8 Gaussians.
    fn default() -> Self {
        Self {
            target: "8gaussians".into(),
            jitter: 0.05,
            path: "linear".into(),
            sigma_min: 0.0,
            coupling: "independent".into(),
            width: 64,
            depth: 3,
            activation: "silu".into(),
            lr: 1e-3,
            batch: 256,
            seed: 0,
        }
    }
}

impl ModelSettings {
    /// The target these settings name; `points` is required for (and only for) `'points'`.
    pub fn target(&self, points: Option<&[f64]>) -> Result<Target, String> {
        match (self.target.as_str(), points) {
            ("points", Some(xs)) => Ok(Target::Points(Points::new(xs, self.jitter)?)),
            ("points", None) => Err("target 'points' needs an array of points".into()),
            (name, None) => Target::from_name(name),
            (name, Some(_)) => Err(format!(
                "points were given, but the target is '{name}', not 'points'"
            )),
        }
    }

    /// The reflow plan of coupling `'reflow'` (independent pairs first, then the model's own).
    pub fn reflow(&self) -> Option<ReflowPlan> {
        (self.coupling == "reflow").then(ReflowPlan::default)
    }

    /// The validated training configuration.
    pub fn train_config(&self) -> Result<TrainConfig, String> {
        let path = match self.path.as_str() {
            "linear" => Path::Linear(Linear::new(self.sigma_min)?),
            "vp" => Path::Vp(Vp::standard()),
            other => return Err(format!("unknown path '{other}' (expected linear or vp)")),
        };
        let coupling = match self.coupling.as_str() {
            "independent" | "reflow" => Pairing::Independent,
            "ot" => Pairing::OptimalTransport,
            other => {
                return Err(format!(
                    "unknown coupling '{other}' (expected independent, ot or reflow)"
                ))
            }
        };
        let activation = Activation::from_name(&self.activation)?;
        let config = TrainConfig {
            network: MlpConfig::new(self.depth, self.width, activation)?,
            path,
            coupling,
            batch_size: self.batch,
            learning_rate: self.lr,
            seed: self.seed,
        };
        config.validate()?;
        Ok(config)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_m64_on_eight_gaussians_and_bad_settings_are_errors() {
        let s = ModelSettings::default();
        assert_eq!(s.train_config().unwrap(), TrainConfig::default());
        assert_eq!(s.target(None).unwrap(), Target::EightGaussians);
        let with = |f: fn(&mut ModelSettings)| {
            let mut s = ModelSettings::default();
            f(&mut s);
            s.train_config()
        };
        assert!(with(|s| s.path = "vq".into())
            .unwrap_err()
            .contains("unknown path 'vq'"));
        let mut reflow = ModelSettings {
            coupling: "reflow".into(),
            ..ModelSettings::default()
        };
        assert_eq!(reflow.train_config().unwrap(), TrainConfig::default());
        assert_eq!(reflow.reflow(), Some(ReflowPlan::default()));
        reflow.coupling = "ot".into();
        assert_eq!(reflow.reflow(), None);
        assert!(with(|s| s.coupling = "x".into())
            .unwrap_err()
            .contains("unknown coupling"));
        assert!(with(|s| s.width = 0).is_err());
        assert!(with(|s| s.depth = 1000).is_err());
        assert!(with(|s| s.lr = f64::NAN).is_err());
        assert!(with(|s| s.lr = -1.0).is_err());
        assert!(with(|s| s.batch = 0).is_err());
        assert!(with(|s| s.activation = "relu6".into()).is_err());
        let points = ModelSettings {
            target: "points".into(),
            ..ModelSettings::default()
        };
        assert!(points.target(None).is_err());
        assert!(points.target(Some(&[0.0, 1.0, 2.0])).is_err());
        assert!(points.target(Some(&[0.0, 1.0, 2.0, f64::NAN])).is_err());
        assert!(matches!(
            points.target(Some(&[0.0, 1.0, 2.0, 3.0])),
            Ok(Target::Points(_))
        ));
        assert!(s.target(Some(&[0.0, 1.0])).is_err());
    }
}
