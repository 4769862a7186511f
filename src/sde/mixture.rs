//! Isotropic Gaussian mixtures: closed-form log-density, score and score Jacobian, also after the
//! affine noising x ↦ α x + σ ε of a diffusion.
//!
//! p(x) = Σ_k π_k N(x; μ_k, v_k I). Diffused, X_t = α X + σ ε has p_t = Σ_k π_k N(x; α μ_k, (α² v_k + σ²) I).
//! With responsibilities r_k = π_k N_k(x) / p(x) and d_k = -(x - α μ_k)/V_k (V_k the diffused variance):
//! ∇ log p = Σ_k r_k d_k = g, and ∇² log p = Σ_k r_k (d_k d_kᵀ - I/V_k) - g gᵀ.
//! Both sums use weights e^{e_k - max e} (log-sum-exp), so far from every mean nothing under- or overflows.

use crate::random::normal_pair;
use crate::target::gaussians::{RADIUS, SIGMA};
use rand::Rng;
use std::f64::consts::TAU;

/// Largest accepted number of components.
pub const MAX_COMPONENTS: usize = 256;

/// A mixture of isotropic Gaussians in the plane.
#[derive(Clone, Debug, PartialEq)]
pub struct GaussianMixture {
    weights: Vec<f64>,
    means: Vec<[f64; 2]>,
    variances: Vec<f64>,
}

/// log p, ∇ log p and the row-major ∇² log p at one point.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LocalScore {
    pub log_density: f64,
    pub score: [f64; 2],
    pub hessian: [f64; 4],
}

impl GaussianMixture {
    /// Needs 1..=256 components, positive finite weights (normalised here), finite means and
    /// positive finite variances.
    pub fn new(weights: &[f64], means: &[[f64; 2]], variances: &[f64]) -> Result<Self, String> {
        let k = weights.len();
        if k == 0 || k > MAX_COMPONENTS || means.len() != k || variances.len() != k {
            return Err(format!(
                "mixture needs 1..={MAX_COMPONENTS} components with as many means and variances"
            ));
        }
        let ok = |v: &f64| v.is_finite() && *v > 0.0;
        if !weights.iter().all(ok) || !variances.iter().all(ok) {
            return Err("mixture weights and variances must be positive and finite".into());
        }
        if means.iter().flatten().any(|m| !m.is_finite()) {
            return Err("mixture means must be finite".into());
        }
        let total: f64 = weights.iter().sum();
        Ok(Self {
            weights: weights.iter().map(|w| w / total).collect(),
            means: means.to_vec(),
            variances: variances.to_vec(),
        })
    }

    /// FFJORD's "8gaussians" ([`crate::target::gaussians`]): centres RADIUS (cos kπ/4, sin kπ/4), variance SIGMA².
    pub fn eight_gaussians() -> Self {
        let means: Vec<[f64; 2]> = (0..8)
            .map(|k| {
                let (s, c) = (k as f64 * TAU / 8.0).sin_cos();
                [RADIUS * c, RADIUS * s]
            })
            .collect();
        Self::new(&[1.0; 8], &means, &[SIGMA * SIGMA; 8]).expect("valid constants")
    }

    pub fn means(&self) -> &[[f64; 2]] {
        &self.means
    }

    /// The weights, normalised to sum 1.
    pub fn weights(&self) -> &[f64] {
        &self.weights
    }

    /// The component variances v_k (of each coordinate).
    pub fn variances(&self) -> &[f64] {
        &self.variances
    }

    /// log p_t, score and score Jacobian of the mixture diffused to X_t = α X + σ ε at x.
    pub fn local(&self, alpha: f64, sigma: f64, x: [f64; 2]) -> LocalScore {
        let exponent = |k: usize| {
            let v = alpha * alpha * self.variances[k] + sigma * sigma;
            let (dx, dy) = (
                x[0] - alpha * self.means[k][0],
                x[1] - alpha * self.means[k][1],
            );
            (self.weights[k] / (TAU * v)).ln() - (dx * dx + dy * dy) / (2.0 * v)
        };
        let max = (0..self.weights.len())
            .map(exponent)
            .fold(f64::NEG_INFINITY, f64::max);
        let (mut total, mut g, mut h) = (0.0, [0.0; 2], [0.0; 4]);
        for k in 0..self.weights.len() {
            let w = (exponent(k) - max).exp();
            let v = alpha * alpha * self.variances[k] + sigma * sigma;
            let d = [
                -(x[0] - alpha * self.means[k][0]) / v,
                -(x[1] - alpha * self.means[k][1]) / v,
            ];
            total += w;
            g[0] += w * d[0];
            g[1] += w * d[1];
            h[0] += w * (d[0] * d[0] - 1.0 / v);
            h[1] += w * d[0] * d[1];
            h[3] += w * (d[1] * d[1] - 1.0 / v);
        }
        let g = g.map(|v| v / total);
        let h = h.map(|v| v / total);
        let off = h[1] - g[0] * g[1];
        LocalScore {
            log_density: max + total.ln(),
            score: g,
            hessian: [h[0] - g[0] * g[0], off, off, h[3] - g[1] * g[1]],
        }
    }

    /// Draws one point of the mixture diffused to α X + σ ε.
    pub fn draw<R: Rng + ?Sized>(&self, alpha: f64, sigma: f64, rng: &mut R) -> [f64; 2] {
        let u: f64 = rng.random();
        let mut acc = 0.0;
        let k = (0..self.weights.len())
            .find(|&k| {
                acc += self.weights[k];
                u < acc
            })
            .unwrap_or(self.weights.len() - 1);
        let sd = (alpha * alpha * self.variances[k] + sigma * sigma).sqrt();
        let [zx, zy] = normal_pair(rng);
        [
            alpha * self.means[k][0] + sd * zx,
            alpha * self.means[k][1] + sd * zy,
        ]
    }
}
