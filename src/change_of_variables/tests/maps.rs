//! The maps: inverses, log-determinants against finite differences, normalisation, and the Gamma example.

use super::super::*;
use crate::density::Grid;
use crate::random::fill_standard_normal;
use rand::{rngs::StdRng, SeedableRng};

fn maps2() -> Vec<(Map2, f64)> {
    vec![
        (
            Map2::affine([1.5, 0.4, -0.3, 0.7], [0.5, -1.0]).unwrap(),
            8.0,
        ),
        (Map2::swirl(2.5, 1.2).unwrap(), 6.0),
        (Map2::radial(0.3).unwrap(), 16.0),
        (Map2::sinh(0.8).unwrap(), 18.0),
        (Map2::wave(0.9).unwrap(), 8.0),
        (Map2::wave(-0.5).unwrap(), 8.0),
    ]
}

const POINTS: [[f64; 2]; 5] = [
    [0.3, -0.2],
    [1.5, 0.7],
    [-2.0, 1.1],
    [0.0, 0.0],
    [-0.4, -2.6],
];

#[test]
fn inverse_undoes_forward_for_every_2d_map() {
    for (map, _) in maps2() {
        for x in POINTS {
            let back = map.inverse(map.forward(x));
            assert!(
                (back[0] - x[0]).abs() + (back[1] - x[1]).abs() < 1e-12,
                "{map:?} {x:?}"
            );
        }
    }
}

#[test]
fn log_det_matches_finite_difference_jacobian() {
    let h = 1e-6;
    for (map, _) in maps2() {
        for x in POINTS {
            let col = |k: usize| {
                let (mut p, mut m) = (x, x);
                p[k] += h;
                m[k] -= h;
                let (fp, fm) = (map.forward(p), map.forward(m));
                [(fp[0] - fm[0]) / (2.0 * h), (fp[1] - fm[1]) / (2.0 * h)]
            };
            let (c0, c1) = (col(0), col(1));
            let fd = (c0[0] * c1[1] - c1[0] * c0[1]).abs().ln();
            assert!((fd - map.log_abs_det(x)).abs() < 1e-7, "{map:?} {x:?}");
        }
    }
}

#[test]
fn pushed_2d_density_integrates_to_one() {
    for (map, half) in maps2() {
        let grid = Grid::new(1000, 1000, [-half, half], [-half, half]).unwrap();
        let mut lp = vec![0.0; grid.len()];
        log_density_2d(&map, &grid, &mut lp).unwrap();
        let mass: f64 = lp.iter().map(|l| l.exp()).sum::<f64>() * grid.cell_area();
        assert!((mass - 1.0).abs() < 2e-3, "{map:?}: mass {mass}");
    }
}

#[test]
fn pushed_grid_lines_are_images_of_the_regular_grid() {
    let map = Map2::radial(0.3).unwrap();
    let lines = pushed_grid_lines(&map, [-2.0, 2.0, -1.0, 1.0], 5, 9).unwrap();
    assert_eq!(lines.len(), 2 * 2 * 5 * 9);
    // First horizontal line starts at the image of (-2, -1); the last vertical line ends at (2, 1).
    assert_eq!(lines[..2], map.forward([-2.0, -1.0]));
    assert_eq!(lines[lines.len() - 2..], map.forward([2.0, 1.0]));
    // The middle horizontal line y = 0 stays on the axis under a radial map.
    assert!(lines[2 * 2 * 9..2 * 3 * 9]
        .chunks_exact(2)
        .all(|p| p[1] == 0.0));
    assert!(pushed_grid_lines(&map, [1.0, 0.0, 0.0, 1.0], 5, 9).is_err());
    assert!(pushed_grid_lines(&map, [0.0, 1.0, 0.0, 1.0], 1, 9).is_err());
    assert!(Map2::affine([1.0, 2.0, 2.0, 4.0], [0.0; 2]).is_err());
    assert!(
        Map2::radial(-0.1).is_err() && Map2::sinh(0.0).is_err() && Map2::swirl(1.0, 0.0).is_err()
    );
    assert!(Map2::wave(0.96).is_err() && Map2::wave(f64::NAN).is_err());
}

#[test]
fn the_wave_squeezes_some_bands_and_stretches_others() {
    // ln|det| = ln(1 + b cos 2x1) + ln(1 + b cos 2x2): at x = (π/2, 0) the factors are 1 - b, 1 + b.
    let b = 0.54;
    let map = Map2::wave(b).unwrap();
    let half_pi = std::f64::consts::FRAC_PI_2;
    assert!((map.log_abs_det([half_pi, half_pi]) - 2.0 * (1.0 - b).ln()).abs() < 1e-12);
    assert!((map.log_abs_det([0.0, 0.0]) - 2.0 * (1.0 + b).ln()).abs() < 1e-12);
    assert!(map.log_abs_det([half_pi, half_pi]) < 0.0 && map.log_abs_det([0.0, 0.0]) > 0.0);
    // Far out the inverse still lands on the root to rounding.
    for y in [-40.0, -3.3, 1e-9, 7.77, 123.4] {
        let x = map.inverse([y, 0.0])[0];
        assert!(
            (x + 0.5 * b * (2.0 * x).sin() - y).abs() < 1e-12,
            "{y}: {x}"
        );
    }
}

#[test]
fn gamma_map_inverts_and_its_derivative_matches_finite_differences() {
    for (k, th) in [(0.5, 1.0), (2.0, 1.5), (9.0, 0.3)] {
        let map = GaussianToGamma::new(k, th).unwrap();
        for i in -16..=16 {
            let x = i as f64 * 0.5;
            let y = map.forward(x);
            assert!(
                y > 0.0 && (map.inverse(y).unwrap() - x).abs() < 1e-9 * (1.0 + x.abs()),
                "k {k} x {x}"
            );
            let h = 1e-5 * (1.0 + x.abs());
            let fd = ((map.forward(x + h) - map.forward(x - h)) / (2.0 * h)).ln();
            assert!((fd - map.log_abs_derivative(x)).abs() < 1e-6, "k {k} x {x}");
        }
        assert_eq!(map.inverse(-1.0), None);
    }
}

#[test]
fn pushed_gamma_density_is_the_gamma_density_and_integrates_to_one() {
    let (k, th) = (2.5, 1.5);
    let map = GaussianToGamma::new(k, th).unwrap();
    let n = 200_000;
    let h = 40.0 / n as f64;
    let ys: Vec<f64> = (0..n).map(|i| (i as f64 + 0.5) * h).collect();
    let mut lp = vec![0.0; n];
    log_density_1d(&map, &ys, &mut lp).unwrap();
    // Independent closed form: y^{k-1} e^{-y/θ} / (Γ(k) θ^k), Γ(5/2) = 3√π/4.
    let gamma_k = 0.75 * std::f64::consts::PI.sqrt();
    for (&y, &l) in ys.iter().zip(&lp).step_by(997) {
        let pdf = y.powf(k - 1.0) * (-y / th).exp() / (gamma_k * th.powf(k));
        assert!((l.exp() - pdf).abs() < 1e-9 * (1.0 + pdf), "y {y}");
    }
    let mass: f64 = lp.iter().map(|l| l.exp()).sum::<f64>() * h;
    assert!((mass - 1.0).abs() < 1e-6, "mass {mass}");
    let mut out = [0.0];
    log_density_1d(&map, &[-0.5], &mut out).unwrap();
    assert_eq!(out[0], f64::NEG_INFINITY);
}

#[test]
fn gaussian_samples_pushed_to_gamma_have_gamma_moments() {
    let (k, th) = (3.0, 0.5);
    let map = GaussianToGamma::new(k, th).unwrap();
    let mut xs = vec![0.0; 100_000];
    fill_standard_normal(&mut StdRng::seed_from_u64(5), &mut xs);
    let ys: Vec<f64> = xs.iter().map(|&x| map.forward(x)).collect();
    let n = ys.len() as f64;
    let mean = ys.iter().sum::<f64>() / n;
    let var = ys.iter().map(|y| (y - mean).powi(2)).sum::<f64>() / n;
    // Var kθ² = 0.75: standard errors √(0.75/n) = 0.0027 for the mean and about
    // √((μ4 - σ⁴)/n) = σ² √((2 + 6/k)/n) = 0.0047 for the variance; 4 standard errors allowed.
    assert!((mean - k * th).abs() < 0.011, "mean {mean}");
    assert!((var - k * th * th).abs() < 0.019, "var {var}");
    assert_eq!(map.inverse(0.0), None);
    assert!(GaussianToGamma::new(0.0, 1.0).is_err() && GaussianToGamma::new(1.0, -1.0).is_err());
    // Regular ticks of the base land ever farther apart in the right tail of the Gamma.
    let ticks = pushed_grid_1d(&map, [-2.0, 2.0], 5).unwrap();
    let gaps: Vec<f64> = ticks.windows(2).map(|w| w[1] - w[0]).collect();
    assert!(gaps.windows(2).all(|g| g[1] > g[0]), "{gaps:?}");
    assert!((ticks[2] - map.forward(0.0)).abs() < 1e-15);
    assert!(pushed_grid_1d(&map, [1.0, 1.0], 5).is_err());
}
