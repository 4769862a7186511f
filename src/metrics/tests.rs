//! Checks of the sample distances against hand computations and closed forms.

use super::*;
use crate::random::fill_standard_normal;
use rand::{rngs::StdRng, SeedableRng};
use std::f64::consts::PI;

fn normal_points(n: usize, seed: u64, shift: [f64; 2]) -> Vec<f64> {
    let mut xs = vec![0.0; 2 * n];
    fill_standard_normal(&mut StdRng::seed_from_u64(seed), &mut xs);
    for (k, x) in xs.iter_mut().enumerate() {
        *x += shift[k % 2];
    }
    xs
}

/// Modified Bessel function I_nu(z) for nu = 0, 1 by its power series.
fn bessel_i(nu: i32, z: f64) -> f64 {
    let mut term = (z / 2.0).powi(nu);
    let mut sum = term;
    for k in 1..60 {
        term *= (z / 2.0).powi(2) / (k as f64 * (k + nu) as f64);
        sum += term;
    }
    sum
}

#[test]
fn invalid_sets_are_rejected() {
    let mut sw = SlicedWasserstein::new(8, 0).unwrap();
    for bad in [&[][..], &[1.0][..], &[1.0, f64::NAN][..]] {
        assert!(energy_distance(bad, &[0.0, 0.0]).is_err());
        assert!(energy_distance(&[0.0, 0.0], bad).is_err());
        assert!(sw.distance(bad, &[0.0, 0.0]).is_err());
    }
    assert!(SlicedWasserstein::new(0, 0).is_err());
    assert!(SlicedWasserstein::new(sliced::MAX_PROJECTIONS + 1, 0).is_err());
}

#[test]
fn energy_distance_of_small_sets_by_hand() {
    // {0} vs {(1, 0)}: 2 * 1 - 0 - 0.
    assert!((energy_distance(&[0.0, 0.0], &[1.0, 0.0]).unwrap() - 2.0).abs() < 1e-15);
    // {0, (2, 0)} vs {(1, 0)}: 2 * 1 - (0 + 2 + 2 + 0)/4 - 0 = 1.
    let e = energy_distance(&[0.0, 0.0, 2.0, 0.0], &[1.0, 0.0]).unwrap();
    assert!((e - 1.0).abs() < 1e-15);
}

#[test]
fn energy_distance_is_zero_symmetric_and_matches_shifted_gaussians() {
    let n = 3000;
    let a = normal_points(n, 1, [0.0, 0.0]);
    assert!(energy_distance(&a, &a).unwrap().abs() < 1e-9);
    let b = normal_points(n, 2, [0.6, 0.8]);
    let (ab, ba) = (
        energy_distance(&a, &b).unwrap(),
        energy_distance(&b, &a).unwrap(),
    );
    assert!((ab - ba).abs() < 1e-9);
    // X - Y ~ N(d, 2I) has the Rice mean sqrt(pi) L_{1/2}(-|d|^2/4), and E|X - X'| = sqrt(pi), so
    // E = 2 sqrt(pi) (L - 1) with L = e^{-r/2} ((1 + r) I0(r/2) + r I1(r/2)), r = |d|^2 / 4.
    let r: f64 = 0.25;
    let l = (-r / 2.0).exp() * ((1.0 + r) * bessel_i(0, r / 2.0) + r * bessel_i(1, r / 2.0));
    let exact = 2.0 * PI.sqrt() * (l - 1.0);
    // The V-statistic's expected bias is (E|X - X'| + E|Y - Y'|) / n = 2 sqrt(pi) / n.
    let expected = exact + 2.0 * PI.sqrt() / n as f64;
    assert!(
        (ab - expected).abs() < 0.03,
        "{ab} vs {expected} (exact {exact})"
    );
    let same = energy_distance(&a, &normal_points(n, 3, [0.0, 0.0])).unwrap();
    assert!((0.0..0.01).contains(&same), "same distribution: {same}");
}

#[test]
fn sliced_wasserstein_of_shifts_and_scalings_is_exact() {
    let a = normal_points(500, 4, [0.0, 0.0]);
    let mut sw = SlicedWasserstein::new(50, 9).unwrap();
    assert!(sw.distance(&a, &a).unwrap().abs() < 1e-12);
    let d = [1.2, -0.5];
    let b: Vec<f64> = a.iter().enumerate().map(|(k, x)| x + d[k % 2]).collect();
    let (ab, ba) = (sw.distance(&a, &b).unwrap(), sw.distance(&b, &a).unwrap());
    assert!((ab - ba).abs() < 1e-12);
    // Averaged over directions, (theta . d)^2 has mean |d|^2 / 2.
    assert!(
        (ab * ab - (1.44 + 0.25) / 2.0).abs() < 1e-12,
        "SW2^2 {}",
        ab * ab
    );
    // b = c a: W2^2 along theta is (c - 1)^2 mean (theta . a)^2, averaging to (c - 1)^2 E|a|^2 / 2.
    let c = 1.5;
    let scaled: Vec<f64> = a.iter().map(|x| c * x).collect();
    let second = a.iter().map(|x| x * x).sum::<f64>() / 500.0;
    let s = sw.distance(&a, &scaled).unwrap();
    assert!((s * s - (c - 1.0).powi(2) * second / 2.0).abs() < 1e-12);
}

#[test]
fn sliced_wasserstein_handles_unequal_sizes() {
    let mut sw = SlicedWasserstein::new(16, 1).unwrap();
    // {0} vs {(-1, 0), (1, 0)}: W2^2 along theta is cos^2, averaging to 1/2.
    let s = sw.distance(&[0.0, 0.0], &[-1.0, 0.0, 1.0, 0.0]).unwrap();
    assert!((s * s - 0.5).abs() < 1e-12);
    // A set and the same set listed twice are the same empirical measure.
    let a = normal_points(37, 5, [0.0, 0.0]);
    assert!(sw.distance(&a, &[a.clone(), a.clone()].concat()).unwrap() < 1e-12);
    // Different seeds give different, equally valid directions.
    let other = SlicedWasserstein::new(16, 2).unwrap();
    assert_ne!(sw.directions(), other.directions());
    let unit = |t: &[f64; 2]| (t[0].hypot(t[1]) - 1.0).abs() < 1e-15;
    assert!(sw.directions().iter().all(unit));
}
