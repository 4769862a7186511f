//! Checks of the targets against closed forms: normalisation, entropy, and sample moments that
//! pin down FFJORD's scaling and noise.

mod density;
mod points;
mod recipes;

use super::*;
use rand::{rngs::StdRng, SeedableRng};

pub(super) fn samples(target: &Target, n: usize, seed: u64) -> Vec<f64> {
    let mut out = vec![0.0; 2 * n];
    target.sample(&mut StdRng::seed_from_u64(seed), &mut out);
    out
}

/// Sample mean and E|x|^2 of n draws.
pub(super) fn moments(target: &Target, n: usize) -> ([f64; 2], f64) {
    let xs = samples(target, n, 11);
    let mut m = [0.0; 3];
    for p in xs.chunks_exact(2) {
        m = [m[0] + p[0], m[1] + p[1], m[2] + p[0] * p[0] + p[1] * p[1]];
    }
    let n = n as f64;
    ([m[0] / n, m[1] / n], m[2] / n)
}

#[test]
fn names_round_trip_and_unknown_names_fail() {
    for name in NAMES {
        assert_eq!(Target::from_name(name).unwrap().name(), name);
    }
    assert!(Target::from_name("9gaussians").is_err());
    assert_eq!(
        Target::Points(Points::new(&[0.0, 1.0], 0.0).unwrap()).name(),
        "points"
    );
}
