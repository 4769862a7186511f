//! The trainer: the f32 network, Adam, and every buffer of a step, allocated once.

use super::config::check_learning_rate;
use super::rehearsal::Rehearsal;
use super::{Batch, NonFinite, TrainConfig, TrainError};
use crate::field::mlp::{Mlp, Workspace};
use crate::optim::Adam;
use crate::pairing::{Coupler, ReflowPairs};
use crate::target::Target;
use rand::rngs::StdRng;
use rand::SeedableRng;

/// Largest number of steps one [`FlowMatchingTrainer::step_n`] call may take.
pub const MAX_STEPS_PER_CALL: usize = 100_000;

/// Mixed into the seed of the batch generator, so that it differs from the stream the network
/// was initialised from (`Mlp::new` seeds its own generator with the plain seed).
const BATCH_STREAM: u64 = 0x9e37_79b9_7f4a_7c15;

/// Trains a network by flow matching; everything a step needs is allocated at construction.
#[derive(Clone, Debug)]
pub struct FlowMatchingTrainer {
    config: TrainConfig,
    net: Mlp<f32>,
    adam: Adam<f32>,
    rehearsal: Rehearsal,
    ws: Workspace<f32>,
    coupler: Coupler,
    reflow: Option<ReflowPairs>,
    rng: StdRng,
    batch: Batch,
    grad: Vec<f32>,
    steps: u64,
}

impl FlowMatchingTrainer {
    /// A fresh network initialised from `config.seed`, ready to train.
    pub fn new(config: TrainConfig) -> Result<Self, String> {
        config.validate()?;
        let net = Mlp::new(config.network, config.seed)?;
        Self::with_network(config, net, 0)
    }

    /// Continues from a given network (e.g. a loaded one) that has taken `steps` steps, with fresh
    /// Adam moments and a batch generator seeded from `config.seed` and `steps`.
    pub fn with_network(config: TrainConfig, net: Mlp<f32>, steps: u64) -> Result<Self, String> {
        config.validate()?;
        if net.config() != config.network {
            return Err(format!(
                "the network is {:?}, the settings ask for {:?}",
                net.config(),
                config.network
            ));
        }
        let adam = Adam::new(net.n_params(), config.learning_rate)?;
        let seed = (config.seed ^ BATCH_STREAM).wrapping_add(steps);
        Ok(Self {
            rehearsal: Rehearsal::new(net.params(), &adam),
            coupler: Coupler::new(config.coupling, config.batch_size)?,
            reflow: None,
            rng: StdRng::seed_from_u64(seed),
            batch: Batch::new(config.batch_size),
            grad: vec![0.0; net.n_params()],
            ws: Workspace::new(),
            config,
            net,
            adam,
            steps,
        })
    }

    /// One step on a batch from `target` (or from the reflow pool, if set); returns the batch loss L = mean_b ||v - u_t||² before
    /// the update.
    ///
    /// The network computes F.mse_loss, (1/2B) Σ_b ||v - u||², and its gradient; both are doubled
    /// (exactly, a power of two) so that the loss and the step follow L, as in the reference.
    /// On a non-finite loss, gradient or updated parameter the update is refused: the network and
    /// Adam keep the state of the previous step and the error names the step (the generator has
    /// moved on, so retrying draws a new batch).
    pub fn step(&mut self, target: &Target) -> Result<f64, TrainError> {
        let step = self.steps.saturating_add(1);
        let diverged = |cause| TrainError::Diverged { step, cause };
        let path = self.config.path;
        match &self.reflow {
            Some(pairs) => self.batch.draw_reflow(pairs, &path, &mut self.rng),
            None => {
                self.batch
                    .draw(target, &path, &mut self.coupler, &mut self.rng);
            }
        }
        let b = &self.batch;
        let mse = self
            .net
            .loss_and_gradient(&mut self.ws, &b.xt, &b.t, &b.ut, &mut self.grad)
            .map_err(TrainError::Invalid)?;
        let loss = 2.0 * mse;
        if !loss.is_finite() {
            return Err(diverged(NonFinite::Loss(loss)));
        }
        if let Some(i) = self.grad.iter().position(|g| !g.is_finite()) {
            return Err(diverged(NonFinite::Gradient(i)));
        }
        self.grad.iter_mut().for_each(|g| *g *= 2.0);
        let trial = self.rehearsal.try_step(&self.grad);
        if let Some(i) = trial.map_err(TrainError::Invalid)? {
            self.rehearsal.reset(self.net.params(), &self.adam);
            return Err(diverged(NonFinite::Parameters(i)));
        }
        self.adam
            .step(self.net.params_mut(), &self.grad)
            .map_err(TrainError::Invalid)?;
        self.steps = step;
        Ok(loss)
    }

    /// Takes `losses.len()` steps (1..=[`MAX_STEPS_PER_CALL`]), writing each step's loss. On
    /// divergence, the losses of the completed steps are written and the error says which step
    /// failed; the weights are those of the last good step.
    pub fn step_n(&mut self, target: &Target, losses: &mut [f64]) -> Result<(), TrainError> {
        if !(1..=MAX_STEPS_PER_CALL).contains(&losses.len()) {
            return Err(TrainError::InvalidSteps(losses.len()));
        }
        for loss in losses.iter_mut() {
            *loss = self.step(target)?;
        }
        Ok(())
    }

    /// Changes Adam's learning rate (in (0, 1]), keeping its moments.
    pub fn set_learning_rate(&mut self, lr: f64) -> Result<(), String> {
        check_learning_rate(lr)?;
        self.adam.set_learning_rate(lr)?;
        self.rehearsal.reset(self.net.params(), &self.adam);
        self.config.learning_rate = lr;
        Ok(())
    }

    /// Trains from now on on the pairs of a reflow pool (the target and the coupling are then
    /// unused), or again on the target with `None`.
    pub fn set_reflow(&mut self, pairs: Option<ReflowPairs>) {
        self.reflow = pairs;
    }

    /// The reflow pool being trained on, if any.
    pub fn reflow(&self) -> Option<&ReflowPairs> {
        self.reflow.as_ref()
    }

    pub fn config(&self) -> &TrainConfig {
        &self.config
    }

    /// The network being trained.
    pub fn net(&self) -> &Mlp<f32> {
        &self.net
    }

    /// The optimizer, with its moments and step count.
    pub fn optimizer(&self) -> &Adam<f32> {
        &self.adam
    }

    /// The last batch drawn (also after a refused step).
    pub fn batch(&self) -> &Batch {
        &self.batch
    }

    /// The gradient dL/dθ of the last step's loss (doubled, see [`FlowMatchingTrainer::step`]).
    pub fn gradient(&self) -> &[f32] {
        &self.grad
    }

    /// Steps accepted so far.
    pub fn steps(&self) -> u64 {
        self.steps
    }
}
