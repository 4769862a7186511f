//! The learned flow: a target distribution, the network trained on it, and what one does with the
//! result — sample it, follow trajectories, evaluate velocities, divergences and exact
//! log-densities, score it on held-out data, save and load it.
//!
//! The flow is the ODE dx/dt = v_θ(x, t) from t = 0 to t = 1, started from N(0, I). This module
//! composes [`train`](crate::train), [`integrate`](crate::integrate), [`density`](crate::density)
//! and [`metrics`](crate::metrics); it computes nothing itself. Inputs are checked here, so that a
//! binding can pass user data straight through: every method returns an error, never panics.

mod evaluate;
mod field;
mod save;
mod steps;
#[cfg(test)]
mod tests;
mod transport;

pub use evaluate::{Evaluation, MAX_EVAL, SLICED_PROJECTIONS};
pub use steps::{Budgeted, StepsStudy, MAX_BUDGETS, MAX_NFE, MAX_STEPS_POINTS, PATH_FRAMES};
pub use transport::{Transport, MAX_TRAJECTORY_VALUES};

use crate::field::mlp::{Mlp, MlpField};
use crate::pairing::{ReflowPairs, ReflowPlan};
use crate::target::Target;
use crate::train::{FlowMatchingTrainer, TrainConfig, TrainError};

/// Largest number of points one call may take or produce (the one policy, [`crate::budget`]).
pub use crate::budget::MAX_POINTS;

/// A target and the flow trained on it.
#[derive(Clone, Debug)]
pub struct Flow {
    target: Target,
    trainer: FlowMatchingTrainer,
    reflow: Option<ReflowPlan>,
}

impl Flow {
    /// An untrained flow for `target` with the given training settings.
    pub fn new(target: Target, config: TrainConfig) -> Result<Self, String> {
        Ok(Self {
            target,
            trainer: FlowMatchingTrainer::new(config)?,
            reflow: None,
        })
    }

    /// The same flow, set to reflow itself by `plan` (see [`Flow::train`]).
    pub fn with_reflow(mut self, plan: ReflowPlan) -> Self {
        self.reflow = Some(plan);
        self
    }

    /// Takes `losses.len()` training steps, writing each batch loss (see
    /// [`FlowMatchingTrainer::step_n`]). With a reflow plan, the step that passes `plan.after`
    /// first draws the pool from the model's ODE ([`Flow::start_reflow`]); the steps from then on
    /// train on it.
    pub fn train(&mut self, losses: &mut [f64]) -> Result<(), TrainError> {
        let steps = self.trainer.steps();
        match self.reflow {
            Some(plan)
                if self.trainer.reflow().is_none()
                    && steps.saturating_add(losses.len() as u64) > plan.after =>
            {
                let (before, after) =
                    losses.split_at_mut(plan.after.saturating_sub(steps) as usize);
                if !before.is_empty() {
                    self.trainer.step_n(&self.target, before)?;
                }
                self.start_reflow(plan).map_err(TrainError::Invalid)?;
                self.trainer.step_n(&self.target, after)
            }
            _ => self.trainer.step_n(&self.target, losses),
        }
    }

    /// One reflow step ([`crate::pairing::reflow`]): pairs `plan.pairs` noise points (drawn from
    /// the config's seed) with the current model's ODE images (RK4, `plan.steps` steps, to the
    /// path's t_max) and trains on those pairs from now on, starting from the current weights.
    /// `plan.after` is not used: the pool is drawn now.
    pub fn start_reflow(&mut self, plan: ReflowPlan) -> Result<(), String> {
        let config = self.trainer.config();
        let (t_end, seed) = (config.path.t_max(), config.seed);
        let pairs = ReflowPairs::generate(&mut self.field(), plan.pairs, t_end, plan.steps, seed)?;
        self.trainer.set_reflow(Some(pairs));
        Ok(())
    }

    pub fn target(&self) -> &Target {
        &self.target
    }

    pub fn trainer(&self) -> &FlowMatchingTrainer {
        &self.trainer
    }

    /// The trainer, e.g. to change the learning rate.
    pub fn trainer_mut(&mut self) -> &mut FlowMatchingTrainer {
        &mut self.trainer
    }

    /// The network v_θ.
    pub fn net(&self) -> &Mlp<f32> {
        self.trainer.net()
    }

    /// The network as a velocity field, with its own scratch space.
    fn field(&self) -> MlpField<'_, f32> {
        MlpField::new(self.trainer.net())
    }
}

/// Checks interleaved points: 1..=[`MAX_POINTS`] finite pairs. Returns their number.
fn check_points(points: &[f64], what: &str) -> Result<usize, String> {
    let n = points.len() / 2;
    if points.is_empty() || !points.len().is_multiple_of(2) || n > MAX_POINTS {
        return Err(format!(
            "{what}: need 1..={MAX_POINTS} interleaved (x, y) points, got {} values",
            points.len()
        ));
    }
    if points.iter().any(|x| !x.is_finite()) {
        return Err(format!("{what}: coordinates must be finite"));
    }
    Ok(n)
}

/// Checks a time of the flow: finite and in [0, 1].
fn check_time(t: f64, what: &str) -> Result<(), String> {
    if (0.0..=1.0).contains(&t) {
        Ok(())
    } else {
        Err(format!("{what}: time must be in [0, 1], got {t}"))
    }
}
