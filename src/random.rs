//! Standard normal samples by the Box-Muller transform.
//!
//! With U1 uniform on (0, 1] and U2 uniform on [0, 1), the pair
//! (r cos 2 pi U2, r sin 2 pi U2) with r = sqrt(-2 ln U1) is two independent N(0, 1) samples.
//! Every module that needs N(0, I) noise uses these functions, so a seed fixes all randomness.

use rand::Rng;
use std::f64::consts::TAU;

/// One Box-Muller pair of independent N(0, 1) samples.
pub fn normal_pair<R: Rng + ?Sized>(rng: &mut R) -> [f64; 2] {
    // 1 - U with U in [0, 1) lies in (0, 1], so the logarithm is finite.
    let r = (-2.0 * (1.0 - rng.random::<f64>()).ln()).sqrt();
    let (sin, cos) = (TAU * rng.random::<f64>()).sin_cos();
    [r * cos, r * sin]
}

/// One N(0, 1) sample (draws a Box-Muller pair and keeps the first value).
pub fn standard_normal<R: Rng + ?Sized>(rng: &mut R) -> f64 {
    normal_pair(rng)[0]
}

/// Fills `out` with independent N(0, 1) samples, using both values of every pair.
/// A buffer of 2n interleaved coordinates is n samples of N(0, I) in the plane.
pub fn fill_standard_normal<R: Rng + ?Sized>(rng: &mut R, out: &mut [f64]) {
    let mut pairs = out.chunks_exact_mut(2);
    for pair in &mut pairs {
        pair.copy_from_slice(&normal_pair(rng));
    }
    if let [last] = pairs.into_remainder() {
        *last = standard_normal(rng);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{rngs::StdRng, SeedableRng};

    #[test]
    fn moments_match_standard_normal() {
        let mut rng = StdRng::seed_from_u64(1);
        let mut xs = vec![0.0; 200_001];
        fill_standard_normal(&mut rng, &mut xs);
        let n = xs.len() as f64;
        let mean = xs.iter().sum::<f64>() / n;
        let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n;
        let kurt = xs.iter().map(|x| (x - mean).powi(4)).sum::<f64>() / n / (var * var);
        // Standard errors: 1/sqrt(n) ~ 0.0022 for the mean, sqrt(2/n) ~ 0.003 for the variance.
        assert!(mean.abs() < 0.01, "mean {mean}");
        assert!((var - 1.0).abs() < 0.015, "var {var}");
        assert!((kurt - 3.0).abs() < 0.05, "kurtosis {kurt}");
        // P(|Z| < 1) = erf(1/sqrt 2) = 0.682689.
        let inside = xs.iter().filter(|x| x.abs() < 1.0).count() as f64 / n;
        assert!((inside - 0.682689).abs() < 0.005, "P(|Z|<1) {inside}");
    }

    #[test]
    fn pair_components_are_uncorrelated_and_seeded() {
        let mut rng = StdRng::seed_from_u64(2);
        let n = 100_000;
        let cov = (0..n)
            .map(|_| {
                let [a, b] = normal_pair(&mut rng);
                a * b
            })
            .sum::<f64>()
            / n as f64;
        assert!(cov.abs() < 0.015, "cov {cov}");
        let draw = |seed| standard_normal(&mut StdRng::seed_from_u64(seed));
        assert_eq!(draw(7), draw(7));
        assert_ne!(draw(7), draw(8));
    }
}
