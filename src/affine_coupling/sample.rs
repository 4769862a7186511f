//! Sampling by the inverse x = f^{-1}(z), z ~ N(0, I), and the layer-by-layer view for figures.

use super::likelihood::batch;
use super::{changed, layer, CouplingFlow};
use crate::random::fill_standard_normal;
use rand::{rngs::StdRng, SeedableRng};

/// Largest accepted number of samples in one call: the one policy.
use crate::budget::MAX_POINTS as MAX_SAMPLES;

/// The layer-by-layer picture of f on a batch of n points.
#[derive(Clone, Debug, PartialEq)]
pub struct Stages {
    /// (L + 1) rows of 2n values: the data, then the points after each layer (the last row is z).
    pub positions: Vec<f64>,
    /// L rows of n values: each layer's contribution s_k = ln|det df_k| at every point.
    pub log_dets: Vec<f64>,
}

impl CouplingFlow {
    /// x = f^{-1}(z) in place: the layers inverted from last to first.
    pub fn to_data(&mut self, zs: &mut [f64]) -> Result<(), String> {
        let n = batch(zs)?;
        let bound = self.config.scale_bound;
        for k in (0..self.nets.len()).rev() {
            let b = changed(k);
            self.column.clear();
            self.column.extend(zs.chunks_exact(2).map(|p| p[1 - b]));
            self.cond[k].resize(2 * n, 0.0);
            self.nets[k].forward_rows(&mut self.ws[k], &self.column, &mut self.cond[k])?;
            layer::inverse(b, bound, zs, &self.cond[k]);
        }
        Ok(())
    }

    /// n samples of the model: N(0, I) draws from `seed` pushed through f^{-1} (2n values).
    pub fn sample(&mut self, n: usize, seed: u64) -> Result<Vec<f64>, String> {
        if n == 0 || n > MAX_SAMPLES {
            return Err(format!(
                "coupling flow: samples must be in 1..={MAX_SAMPLES}, got {n}"
            ));
        }
        let mut zs = vec![0.0; 2 * n];
        fill_standard_normal(&mut StdRng::seed_from_u64(seed), &mut zs);
        self.to_data(&mut zs)?;
        Ok(zs)
    }

    /// The points after every layer of f and every layer's log-determinant.
    pub fn stages(&mut self, xs: &[f64]) -> Result<Stages, String> {
        let n = self.record(xs)?;
        let bound = self.config.scale_bound;
        let positions = self
            .xs
            .iter()
            .flat_map(|x| x[..2 * n].iter().copied())
            .collect();
        let log_dets = self
            .cond
            .iter()
            .flat_map(|c| {
                c[..2 * n]
                    .chunks_exact(2)
                    .map(|rt| layer::bounded(rt[0], bound).0)
            })
            .collect();
        Ok(Stages {
            positions,
            log_dets,
        })
    }
}
