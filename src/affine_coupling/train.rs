//! Maximum-likelihood training: minibatches from a target, the exact NLL gradient, Adam.

use super::{CouplingFlow, LikelihoodTerms};
use crate::optim::{all_finite, Adam};
use crate::target::Target;
use rand::{rngs::StdRng, SeedableRng};

/// Largest accepted minibatch.
pub const MAX_BATCH: usize = 1 << 16;

/// A flow being fitted to a target: one Adam state per layer (Adam acts weight by weight, so this is
/// the same as one Adam over all weights).
#[derive(Clone, Debug)]
pub struct MaximumLikelihoodTrainer {
    flow: CouplingFlow,
    target: Target,
    adams: Vec<Adam<f64>>,
    grads: Vec<Vec<f64>>,
    batch: Vec<f64>,
    rng: StdRng,
    steps: u64,
    /// The state before the last update (whose loss was finite), to return to on divergence.
    before: Option<Snapshot>,
}

/// The weights of every conditioner and their Adam states at one moment.
#[derive(Clone, Debug)]
struct Snapshot {
    params: Vec<Vec<f64>>,
    adams: Vec<Adam<f64>>,
}

impl MaximumLikelihoodTrainer {
    /// Needs 1 <= batch_size <= 65536 and a valid learning rate; minibatches are drawn from `seed`.
    pub fn new(
        flow: CouplingFlow,
        target: Target,
        lr: f64,
        batch_size: usize,
        seed: u64,
    ) -> Result<Self, String> {
        if batch_size == 0 || batch_size > MAX_BATCH {
            return Err(format!(
                "batch size must be in 1..={MAX_BATCH}, got {batch_size}"
            ));
        }
        let adams = flow
            .nets()
            .iter()
            .map(|net| Adam::new(net.n_params(), lr))
            .collect::<Result<_, _>>()?;
        let grads = flow
            .nets()
            .iter()
            .map(|net| vec![0.0; net.n_params()])
            .collect();
        Ok(Self {
            flow,
            target,
            adams,
            grads,
            batch: vec![0.0; 2 * batch_size],
            rng: StdRng::seed_from_u64(seed),
            steps: 0,
            before: None,
        })
    }

    /// One Adam step on a fresh minibatch; returns the two terms of its mean log-likelihood (before
    /// the step; the loss is `nll()`).
    ///
    /// A non-finite loss or gradient is an error that keeps the last good weights: the update that
    /// led to these weights is undone (weights, Adam moments and step count return to the state
    /// before it, whose loss was finite), or, at the first step, nothing changes.
    pub fn step(&mut self) -> Result<LikelihoodTerms, String> {
        self.target.sample(&mut self.rng, &mut self.batch);
        let terms = self.flow.nll_and_gradient(&self.batch, &mut self.grads)?;
        if !terms.is_finite() || !self.grads.iter().all(|g| all_finite(g)) {
            let undone = self.undo_last_update();
            return Err(format!(
                "coupling flow: training diverged (non-finite loss or gradient, loss {}); the last good \
                 weights are kept{}",
                terms.nll(),
                if undone { " (the last update is undone)" } else { "" }
            ));
        }
        let params = self
            .flow
            .nets()
            .iter()
            .map(|n| n.params().to_vec())
            .collect();
        self.before = Some(Snapshot {
            params,
            adams: self.adams.clone(),
        });
        let nets = self.flow.nets_mut().iter_mut();
        for ((net, adam), grad) in nets.zip(&mut self.adams).zip(&self.grads) {
            adam.step(net.params_mut(), grad)?;
        }
        self.steps += 1;
        Ok(terms)
    }

    /// Restores the state before the last update, if there is one; says whether it did.
    fn undo_last_update(&mut self) -> bool {
        let Some(before) = self.before.take() else {
            return false;
        };
        for (net, p) in self.flow.nets_mut().iter_mut().zip(&before.params) {
            net.params_mut().copy_from_slice(p);
        }
        self.adams = before.adams;
        self.steps -= 1;
        true
    }

    /// Counts `steps` steps as taken (a loaded flow's); the weights and Adam's state are kept.
    pub(super) fn set_steps(&mut self, steps: u64) {
        self.steps = steps;
        self.before = None;
    }

    /// The minibatch size.
    pub fn batch_size(&self) -> usize {
        self.batch.len() / 2
    }

    /// Successful steps so far.
    pub fn steps(&self) -> u64 {
        self.steps
    }

    pub fn target(&self) -> &Target {
        &self.target
    }

    pub fn flow(&self) -> &CouplingFlow {
        &self.flow
    }

    pub fn flow_mut(&mut self) -> &mut CouplingFlow {
        &mut self.flow
    }

    pub fn into_flow(self) -> CouplingFlow {
        self.flow
    }
}
