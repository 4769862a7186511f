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
pub struct Trainer {
    flow: CouplingFlow,
    target: Target,
    adams: Vec<Adam<f64>>,
    grads: Vec<Vec<f64>>,
    batch: Vec<f64>,
    rng: StdRng,
    steps: u64,
}

impl Trainer {
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
        })
    }

    /// One Adam step on a fresh minibatch; returns the two terms of its mean log-likelihood (before
    /// the step; the loss is `nll()`). A non-finite loss or gradient leaves the weights (and the step
    /// count) unchanged and is an error.
    pub fn step(&mut self) -> Result<LikelihoodTerms, String> {
        self.target.sample(&mut self.rng, &mut self.batch);
        let terms = self.flow.nll_and_gradient(&self.batch, &mut self.grads)?;
        if !terms.is_finite() || !self.grads.iter().all(|g| all_finite(g)) {
            return Err(format!(
                "coupling flow: training diverged (non-finite loss or gradient, loss {}); the last good weights are kept",
                terms.nll()
            ));
        }
        let nets = self.flow.nets_mut().iter_mut();
        for ((net, adam), grad) in nets.zip(&mut self.adams).zip(&self.grads) {
            adam.step(net.params_mut(), grad)?;
        }
        self.steps += 1;
        Ok(terms)
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
