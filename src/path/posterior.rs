//! The marginal field as the average of the conditional targets through one point.
//!
//! Flow matching's marginal velocity is u_t(x) = E[a' x1 + s' x0 | x_t = x] (Lipman et al. 2022,
//! eq. 8). Given data samples x1_i, exactly one line of the path through x ends at each: it starts
//! at x0_i = (x - a x1_i) / s and its conditional target is u_i = a' x1_i + s' x0_i. Bayes' rule
//! weights it by the posterior of x1_i given x_t = x, w_i ∝ N(x; a x1_i, s² I) ∝ N(x0_i; 0, I),
//! and Σ_i w_i u_i (weights summing to 1) is a self-normalised importance-sampling estimate of
//! u_t(x): consistent as n → ∞ with a bias O(1/n). Needs s > 0 (t < 1 on the linear path with
//! sigma_min = 0); as s → 0 a few lines carry all the weight and the estimate gets noisy, which
//! the effective sample size 1 / Σ w_i² shows.

use super::Path;

/// The conditional targets through one point, their posterior weights and their average.
#[derive(Clone, Debug, PartialEq)]
pub struct ConditionalAverage {
    /// Σ_i w_i u_i, the estimate of u_t(x).
    pub velocity: [f64; 2],
    /// w_i, non-negative, summing to 1.
    pub weights: Vec<f64>,
    /// u_i interleaved: the target of the line through x that ends at x1_i.
    pub targets: Vec<f64>,
    /// 1 / Σ w_i², between 1 and n.
    pub effective: f64,
}

/// The average of the conditional targets of `path` at time t through the point x, over the
/// interleaved data samples `x1` (at least one, all finite). Fails where s(t) = 0 or x is not finite.
pub fn conditional_average(
    path: &Path,
    x1: &[f64],
    t: f64,
    x: [f64; 2],
) -> Result<ConditionalAverage, String> {
    let c = path.coefficients(t);
    if c.s.is_nan() || c.s <= 0.0 {
        return Err(format!(
            "the {} path has no noise left at t = {t} (s = 0): no line through a point is singled out",
            path.name()
        ));
    }
    if x1.is_empty() || !x1.len().is_multiple_of(2) || x1.iter().any(|v| !v.is_finite()) {
        return Err("x1 must hold one or more finite (x, y) points".into());
    }
    if !x.iter().all(|v| v.is_finite()) {
        return Err(format!("the point must be finite, got {x:?}"));
    }
    let n = x1.len() / 2;
    let mut targets = vec![0.0; 2 * n];
    let mut log_w = vec![0.0; n];
    for i in 0..n {
        let x0 = [0, 1].map(|d| (x[d] - c.a * x1[2 * i + d]) / c.s);
        log_w[i] = -(x0[0] * x0[0] + x0[1] * x0[1]) / 2.0;
        for d in 0..2 {
            targets[2 * i + d] = c.da * x1[2 * i + d] + c.ds * x0[d];
        }
    }
    // Log-sum-exp: far from the data every weight underflows together.
    let max = log_w.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let mut weights: Vec<f64> = log_w.iter().map(|l| (l - max).exp()).collect();
    let total: f64 = weights.iter().sum();
    weights.iter_mut().for_each(|w| *w /= total);
    let velocity = [0, 1].map(|d| (0..n).map(|i| weights[i] * targets[2 * i + d]).sum::<f64>());
    let effective = 1.0 / weights.iter().map(|w| w * w).sum::<f64>();
    Ok(ConditionalAverage {
        velocity,
        weights,
        targets,
        effective,
    })
}
