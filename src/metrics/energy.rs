//! Energy distance (Székely and Rizzo 2013): E(P, Q) = 2 E|X - Y| - E|X - X'| - E|Y - Y'|,
//! which is >= 0 and vanishes only for P = Q. (It is the square of a metric on distributions.)
//!
//! We use the V-statistic: every mean runs over all pairs including i = k, so within-set means
//! divide by n^2. It is exactly 0 for identical sets and never negative, at the price of a bias
//! E|X - X'|/n + E|Y - Y'|/m (the U-statistic, dividing by n(n-1), is unbiased but can be
//! negative and is not 0 for identical sets). Cost O((n + m)^2) square roots.

use super::validate;

/// V-statistic energy distance between interleaved point sets `a` (n points) and `b` (m points).
pub fn energy_distance(a: &[f64], b: &[f64]) -> Result<f64, String> {
    validate(a, "energy distance, first set")?;
    validate(b, "energy distance, second set")?;
    let (n, m) = ((a.len() / 2) as f64, (b.len() / 2) as f64);
    Ok(2.0 * mean_distance(a, b) / (n * m) - within(a) / (n * n) - within(b) / (m * m))
}

/// sum over i, j of |a_i - b_j|.
fn mean_distance(a: &[f64], b: &[f64]) -> f64 {
    a.chunks_exact(2)
        .map(|p| {
            b.chunks_exact(2)
                .map(|q| ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2)).sqrt())
                .sum::<f64>()
        })
        .sum()
}

/// sum over all ordered pairs (i, k) of |a_i - a_k|, i.e. twice the sum over i < k.
fn within(a: &[f64]) -> f64 {
    let mut sum = 0.0;
    for (i, p) in a.chunks_exact(2).enumerate() {
        for q in a[2 * i + 2..].chunks_exact(2) {
            sum += ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2)).sqrt();
        }
    }
    2.0 * sum
}
