//! The two terms of the exact log-likelihood, averaged over a batch:
//! E[log p(x)] = E[log N(f(x); 0, I)] + E[ln|det df/dx|], the base term plus the log-determinant
//! term (the sum of every layer's log-scales).

use super::CouplingFlow;
use crate::density::standard_normal_log_density;

/// The batch means of log N(z) with z = f(x) (`base`) and of Σ_k s_k(x) (`log_det`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LikelihoodTerms {
    pub base: f64,
    pub log_det: f64,
}

impl LikelihoodTerms {
    /// The means of log N(z) over the rows of `z` and of `log_det` (one value per row).
    pub(crate) fn mean_of(z: &[f64], log_det: &[f64]) -> Self {
        let inv_n = 1.0 / log_det.len() as f64;
        let base: f64 = z.chunks_exact(2).map(standard_normal_log_density).sum();
        Self {
            base: base * inv_n,
            log_det: log_det.iter().sum::<f64>() * inv_n,
        }
    }

    /// The mean log-likelihood, base + log_det.
    pub fn log_likelihood(&self) -> f64 {
        self.base + self.log_det
    }

    /// The mean negative log-likelihood (the training loss).
    pub fn nll(&self) -> f64 {
        -self.log_likelihood()
    }

    /// True when both terms are finite numbers.
    pub fn is_finite(&self) -> bool {
        self.base.is_finite() && self.log_det.is_finite()
    }
}

impl CouplingFlow {
    /// The two terms of the mean log-likelihood of the batch `xs`.
    pub fn terms(&mut self, xs: &[f64]) -> Result<LikelihoodTerms, String> {
        self.record(xs)?;
        Ok(LikelihoodTerms::mean_of(
            &self.xs[self.nets.len()],
            &self.log_det,
        ))
    }
}
