//! User point sets: validation, bootstrap frequencies, jitter and bounds.

use super::{moments, samples};
use crate::target::{points, Points, Target};

#[test]
fn points_are_validated() {
    assert!(Points::new(&[], 0.0).is_err());
    assert!(Points::new(&[1.0, 2.0, 3.0], 0.0).is_err());
    assert!(Points::new(&[1.0, f64::NAN], 0.0).is_err());
    assert!(Points::new(&[1.0, f64::INFINITY], 0.0).is_err());
    assert!(Points::new(&[1.0, 2.0], -0.1).is_err());
    assert!(Points::new(&[1.0, 2.0], f64::NAN).is_err());
    assert!(Points::new(&vec![0.0; 2 * points::MAX_POINTS + 2], 0.0).is_err());
    assert!(Points::new(&vec![0.0; 2 * points::MAX_POINTS], 0.0).is_ok());
}

#[test]
fn points_bootstrap_resamples_with_jitter() {
    let stored = [0.0, 0.0, 1.0, 2.0, -3.0, 1.0, 2.0, -2.0];
    let exact = Target::Points(Points::new(&stored, 0.0).unwrap());
    let n = 80_000;
    let xs = samples(&exact, n, 9);
    let mut counts = [0usize; 4];
    for p in xs.chunks_exact(2) {
        let k = stored
            .chunks_exact(2)
            .position(|q| q == p)
            .expect("a stored point");
        counts[k] += 1;
    }
    // Binomial standard deviation sqrt(n/4 * 3/4) is about 122.
    assert!(
        counts.iter().all(|&c| c.abs_diff(n / 4) < 600),
        "{counts:?}"
    );
    let jitter = 0.5;
    let blurred = Target::Points(Points::new(&[1.0, -1.0], jitter).unwrap());
    let (mean, second) = moments(&blurred, n);
    assert!((mean[0] - 1.0).abs() < 0.01 && (mean[1] + 1.0).abs() < 0.01);
    assert!(
        (second - 2.0 - 2.0 * jitter * jitter).abs() < 0.03,
        "E|x|^2 {second}"
    );
    assert_eq!(exact.bounds(), [-3.5, 2.5, -2.5, 2.5]);
    assert_eq!(blurred.bounds(), [-0.5, 2.5, -2.5, 0.5]);
    assert_eq!(samples(&blurred, 10, 4), samples(&blurred, 10, 4));
}
