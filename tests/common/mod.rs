//! Shared helpers of the network tests: random batches and small random architectures.
#![allow(dead_code)]

use flowlab::field::mlp::{Activation, MlpConfig};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// A synthetic flow-matching batch of n points: x_t in [-2, 2]^2, t in [0, 1], targets u in [-2, 2]^2.
pub struct Batch {
    pub xt: Vec<f64>,
    pub t: Vec<f64>,
    pub u: Vec<f64>,
}

pub fn batch(n: usize, seed: u64) -> Batch {
    let mut rng = StdRng::seed_from_u64(seed);
    let mut uniform =
        |len: usize, lo: f64, hi: f64| (0..len).map(|_| rng.random_range(lo..hi)).collect();
    Batch {
        xt: uniform(2 * n, -2.0, 2.0),
        t: uniform(n, 0.0, 1.0),
        u: uniform(2 * n, -2.0, 2.0),
    }
}

/// Small architectures covering depth 1 to 3, widths that are and are not multiples of the SIMD tile.
pub fn small_configs(activation: Activation) -> Vec<MlpConfig> {
    [(1, 1), (1, 5), (2, 8), (2, 13), (3, 17)]
        .into_iter()
        .map(|(depth, width)| MlpConfig::new(depth, width, activation).unwrap())
        .collect()
}

/// Asserts |a - b| <= tol (1 + |b|) element by element, naming the first failure.
pub fn assert_close(a: &[f64], b: &[f64], tol: f64, what: &str) {
    assert_eq!(a.len(), b.len(), "{what}: lengths differ");
    for (i, (x, y)) in a.iter().zip(b).enumerate() {
        assert!(
            (x - y).abs() <= tol * (1.0 + y.abs()),
            "{what}[{i}]: {x} vs {y} (tol {tol})"
        );
    }
}
