//! Closed-form densities: normalisation, entropy, and agreement with samples.

use super::samples;
use crate::target::{checkerboard, gaussians, Target};
use std::f64::consts::PI;

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
    // The benchmark quotes three digits.
    assert!((h - 2.831).abs() < 0.001, "H {h} vs the benchmark's 2.831");
    // Geometric convergence: half and twice the step agree far below the 1e-4 target.
    for step in [s / 4.0, s / 16.0] {
        let other = gaussians::entropy_on_grid(step);
        assert!((h - other).abs() < 1e-9, "step {step}: {other} vs {h}");
    }
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
