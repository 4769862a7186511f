//! Checks of the targets against closed forms: normalisation, entropy, and sample moments that
//! pin down FFJORD's scaling and noise.

use super::*;
use rand::{rngs::StdRng, SeedableRng};
use std::f64::consts::PI;

fn samples(target: &Target, n: usize, seed: u64) -> Vec<f64> {
    let mut out = vec![0.0; 2 * n];
    target.sample(&mut StdRng::seed_from_u64(seed), &mut out);
    out
}

/// Sample mean and E|x|^2 of n draws.
fn moments(target: &Target, n: usize) -> ([f64; 2], f64) {
    let xs = samples(target, n, 11);
    let mut m = [0.0; 3];
    for p in xs.chunks_exact(2) {
        m = [m[0] + p[0], m[1] + p[1], m[2] + p[0] * p[0] + p[1] * p[1]];
    }
    let n = n as f64;
    ([m[0] / n, m[1] / n], m[2] / n)
}

fn assert_moments(name: &str, mean: [f64; 2], second: f64, tol: f64) {
    let target = Target::from_name(name).unwrap();
    let (m, s) = moments(&target, 400_000);
    assert!(
        (m[0] - mean[0]).abs() < tol && (m[1] - mean[1]).abs() < tol,
        "{name} mean {m:?}"
    );
    // 0.5%: several standard errors, yet a wrong noise level or scale would exceed it.
    assert!(
        (s - second).abs() < 0.005 * second,
        "{name} E|x|^2 {s} vs {second}"
    );
}

/// Midpoint rule of f over [-5, 5]^2 with spacing h.
fn grid_integral(h: f64, f: impl Fn([f64; 2]) -> f64) -> f64 {
    let n = (10.0 / h).round() as usize;
    let c = |i: usize| -5.0 + (i as f64 + 0.5) * h;
    (0..n)
        .flat_map(|i| (0..n).map(move |j| [c(i), c(j)]))
        .map(f)
        .sum::<f64>()
        * h
        * h
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

#[test]
fn densities_integrate_to_one() {
    for name in ["8gaussians", "checkerboard"] {
        let target = Target::from_name(name).unwrap();
        let mass = grid_integral(0.01, |x| target.log_density(x).unwrap().exp());
        assert!((mass - 1.0).abs() < 1e-4, "{name} mass {mass}");
    }
    assert!(Target::Moons.log_density([0.0, 0.0]).is_none());
    assert!(Target::Moons.entropy().is_none());
}

#[test]
fn mixture_entropy_matches_limit_monte_carlo_and_reference() {
    let h = Target::EightGaussians.entropy().unwrap();
    let s = gaussians::SIGMA;
    let separated = 8f64.ln() + 1.0 + (2.0 * PI * s * s).ln();
    // Overlap can only lower the entropy, and the components are about 6 sigma apart.
    assert!(
        h < separated && separated - h < 0.02,
        "H {h}, separated limit {separated}"
    );
    assert!((h - 2.831).abs() < 0.001, "H {h} vs the benchmark's 2.831");
    let xs = samples(&Target::EightGaussians, 400_000, 3);
    let mc = -xs
        .chunks_exact(2)
        .map(|p| gaussians::log_density([p[0], p[1]]))
        .sum::<f64>()
        / 400_000.0;
    // Standard error sd(log p)/sqrt(n) is about 1/630.
    assert!((h - mc).abs() < 0.006, "quadrature {h} vs Monte Carlo {mc}");
}

#[test]
fn checkerboard_samples_fill_eight_squares_evenly() {
    assert!((Target::Checkerboard.entropy().unwrap() - 32f64.ln()).abs() < 1e-15);
    let n = 160_000;
    let xs = samples(&Target::Checkerboard, n, 5);
    let mut counts = [[0usize; 4]; 4];
    for p in xs.chunks_exact(2) {
        assert_eq!(checkerboard::log_density([p[0], p[1]]), -32f64.ln());
        counts[((p[0] + 4.0) / 2.0) as usize][((p[1] + 4.0) / 2.0) as usize] += 1;
    }
    for (i, row) in counts.iter().enumerate() {
        for (j, &c) in row.iter().enumerate() {
            let expected = if (i + j) % 2 == 0 { n / 8 } else { 0 };
            // Binomial standard deviation sqrt(n p (1-p)) is about 132.
            assert!(
                c.abs_diff(expected) < 600,
                "cell ({i},{j}): {c} vs {expected}"
            );
        }
    }
}

#[test]
fn mixture_samples_match_density_histogram() {
    let n = 200_000;
    let xs = samples(&Target::EightGaussians, n, 6);
    let cells = 9;
    let w = 1.0;
    let mut counts = vec![0usize; cells * cells];
    for p in xs.chunks_exact(2) {
        let (i, j) = (((p[0] + 4.5) / w).floor(), ((p[1] + 4.5) / w).floor());
        if (0.0..cells as f64).contains(&i) && (0.0..cells as f64).contains(&j) {
            counts[i as usize * cells + j as usize] += 1;
        }
    }
    let sub = 50;
    let h = w / sub as f64;
    for (k, &count) in counts.iter().enumerate() {
        let (x0, y0) = (-4.5 + (k / cells) as f64 * w, -4.5 + (k % cells) as f64 * w);
        let mut p = 0.0;
        for a in 0..sub {
            for b in 0..sub {
                let x = [x0 + (a as f64 + 0.5) * h, y0 + (b as f64 + 0.5) * h];
                p += gaussians::log_density(x).exp() * h * h;
            }
        }
        let f = count as f64 / n as f64;
        assert!(
            (f - p).abs() < 5.0 * (p / n as f64).sqrt() + 1e-4,
            "cell {k}: {f} vs {p}"
        );
    }
}

#[test]
fn sample_moments_match_ffjord_recipes() {
    let s = gaussians::SIGMA;
    let r = gaussians::RADIUS;
    assert_moments("8gaussians", [0.0, 0.0], 2.0 * s * s + r * r, 0.01);
    // Moons: theta ~ U[0, pi], E cos = 0, E sin = 2/pi, E cos^2 = E sin^2 = 1/2. After the map,
    // upper (2 cos - 1, 2 sin - 0.2), lower (1 - 2 cos, 0.8 - 2 sin), plus noise variance 0.04 each.
    let moons_second = 0.5 * (3.0 + 2.04 - 1.6 / PI + 3.0 + 2.64 - 6.4 / PI) + 0.08;
    assert_moments("moons", [0.0, 0.3], moons_second, 0.01);
    assert_moments("pinwheel", [0.0, 0.0], 4.0 * (1.0 + 0.09 + 0.01), 0.01);
    assert_moments(
        "circles",
        [0.0, 0.0],
        (9.0 + 2.25) / 2.0 + 2.0 * 0.24 * 0.24,
        0.01,
    );
    let rings = (9.0 + 2.25f64.powi(2) + 2.25 + 0.5625) / 4.0 + 2.0 * 0.08 * 0.08;
    assert_moments("rings", [0.0, 0.0], rings, 0.01);
    // Spirals: n has density 2n/(3 pi)^2 on [0, 3 pi]; E n^2 = 9 pi^2 / 2,
    // E[n cos n] = -4/(3 pi), E[n sin n] = 2 (9 pi^2 - 4) / (9 pi^2).
    let (e_ncos, e_nsin) = (
        -4.0 / (3.0 * PI),
        2.0 * (9.0 * PI * PI - 4.0) / (9.0 * PI * PI),
    );
    let d2 = 4.5 * PI * PI + 0.5 * (e_nsin - e_ncos) + 1.0 / 6.0;
    assert_moments("2spirals", [0.0, 0.0], d2 / 9.0 + 0.02, 0.01);
    // Swiss roll: t ~ U[a, b] = [1.5 pi, 4.5 pi]; (b - a) E[t cos t] = [t sin t + cos t]_a^b = 6 pi,
    // (b - a) E[t sin t] = [sin t - t cos t]_a^b = 2.
    let (a, b) = (1.5 * PI, 4.5 * PI);
    let e_t2 = (b.powi(3) - a.powi(3)) / (3.0 * (b - a));
    let (e_tcos, e_tsin) = (6.0 * PI / (b - a), 2.0 / (b - a));
    assert_moments(
        "swissroll",
        [e_tcos / 5.0, e_tsin / 5.0],
        (e_t2 + 2.0) / 25.0,
        0.01,
    );
}

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
