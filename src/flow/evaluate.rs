//! Scores of a trained flow on held-out data.

use super::Flow;
use crate::integrate::Method;
use crate::metrics::{energy_distance, SlicedWasserstein};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// Largest number of held-out points (the energy distance costs O(n²)).
pub const MAX_EVAL: usize = 20_000;
/// Directions of the sliced Wasserstein distance.
pub const SLICED_PROJECTIONS: usize = 64;
/// Mixed into the evaluation seed, so that held-out data never repeat the training batches even
/// when both use the same seed.
const EVAL_STREAM: u64 = 0x5851_f42d_4c95_7f2d;

/// How well the model q fits the target p, on n held-out points y_i ~ p.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Evaluation {
    pub n: usize,
    /// Negative log-likelihood -(1/n) Σ log q(y_i), exact log-densities, in nats.
    pub nll: f64,
    /// Its Monte Carlo standard error, std(log q(y)) / √n.
    pub nll_sem: f64,
    /// The target's entropy H(p) = -E log p, where known in closed form.
    pub entropy: Option<f64>,
    /// KL(p || q) = NLL - H(p) >= 0 (up to Monte Carlo error), where H(p) is known.
    pub kl: Option<f64>,
    /// Energy distance between n model samples and the held-out points.
    pub energy_distance: f64,
    /// Sliced Wasserstein-2 distance between the same two sets.
    pub sliced_w2: f64,
}

impl Flow {
    /// Draws n_eval (2..=[`MAX_EVAL`]) held-out points and n_eval model samples from one generator
    /// seeded with `seed` (mixed with a constant: a stream apart from training's), and scores the
    /// model; `method` integrates both the log-densities and the samples.
    pub fn evaluate(&self, n_eval: usize, seed: u64, method: Method) -> Result<Evaluation, String> {
        if !(2..=MAX_EVAL).contains(&n_eval) {
            return Err(format!(
                "evaluate: n_eval must be in 2..={MAX_EVAL}, got {n_eval}"
            ));
        }
        let mut rng = StdRng::seed_from_u64(seed ^ EVAL_STREAM);
        let mut data = vec![0.0; 2 * n_eval];
        self.target().sample(&mut rng, &mut data);
        let log_q = self.log_density(&data, 1.0, method)?;
        let n = n_eval as f64;
        let mean = log_q.iter().sum::<f64>() / n;
        let var = log_q.iter().map(|l| (l - mean).powi(2)).sum::<f64>() / (n - 1.0);
        let samples = self.sample(n_eval, rng.random(), method)?;
        let entropy = self.target().entropy();
        Ok(Evaluation {
            n: n_eval,
            nll: -mean,
            nll_sem: (var / n).sqrt(),
            entropy,
            kl: entropy.map(|h| -mean - h),
            energy_distance: energy_distance(&samples, &data)?,
            sliced_w2: SlicedWasserstein::new(SLICED_PROJECTIONS, seed)?
                .distance(&samples, &data)?,
        })
    }
}
