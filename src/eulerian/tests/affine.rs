//! Affine fields, whose flows push N(0, I) to Gaussians in closed form.

use super::*;
use crate::field::{analytic::Affine, VelocityField};

/// N(0, I) pushed by v = A x to time t is N(0, e^{tA} e^{tA}ᵀ).
fn pushed_covariance(a: [f64; 4], t: f64) -> Matrix2<f64> {
    let m = (Matrix2::from_row_slice(&a) * t).exp();
    m * m.transpose()
}

/// The L1 error at t = 1 under v = A x on an n × n grid over [-6, 6]², and the largest relative
/// error where the exact cell average exceeds 1e-3 of its peak.
fn linear_field_errors(a: [f64; 4], n: usize) -> (f64, f64) {
    let mut grid = square(n, 6.0);
    grid.advance_to(&mut Affine::linear(a), 1.0).unwrap();
    let exact = gaussian_cell_averages(&grid, [0.0, 0.0], pushed_covariance(a, 1.0));
    let err = grid.compare_with(&exact, 1e-3).unwrap();
    (
        l1(&exact, grid.density(), grid.cell_area()),
        err.max_relative,
    )
}

#[test]
fn linear_field_converges_at_high_order_until_second_order_terms_take_over() {
    // Fifth order in space (UW5), second in time with dt ∝ h: the observed order is 4.0
    // (64 -> 128), then 1.7 (128 -> 256) at L1 ≈ 1.6e-6, where second-order terms dominate: the
    // SSP-RK2 time error (half the CFL number leaves 1.1e-6, a quarter 1.0e-6) and the product of
    // the transverse gradients of p and v·n along a face, which point velocities at face centres
    // miss (McCorquodale & Colella, Commun. Appl. Math. Comput. Sci. 6, 2011, section 2).
    let a = [0.5, -1.0, 1.0, -0.3]; // rotation with shear and net compression
    let errors: Vec<(f64, f64)> = [64, 128, 256].map(|n| linear_field_errors(a, n)).to_vec();
    for w in errors.windows(2) {
        let order = (w[0].0 / w[1].0).log2();
        eprintln!("L1 {:.3e} -> {:.3e}: order {order:.2}", w[0].0, w[1].0);
        assert!(order >= 1.5, "observed order {order}");
    }
    let order = (errors[0].0 / errors[1].0).log2();
    assert!(order >= 3.5, "observed order {order} from 64 to 128 cells");
    let (l1_256, rel_256) = errors[2];
    eprintln!("N = 256: L1 {l1_256:.2e}, max relative {rel_256:.2e}");
    assert!(l1_256 < 2.5e-6, "{l1_256}");
    assert!(rel_256 < 0.02, "{rel_256}");
}

#[test]
fn agrees_with_the_exact_density_at_cell_centres() {
    let a = [0.2, 0.8, -0.6, -0.4];
    let cov = pushed_covariance(a, 1.0);
    let agreement = |n: usize| {
        let mut grid = square(n, 6.0);
        grid.advance_to(&mut Affine::linear(a), 1.0).unwrap();
        let centres = grid.cell_centres().chunks_exact(2);
        let pdf = |c: &[f64]| gaussian_pdf(Vector2::new(c[0], c[1]), Vector2::zeros(), cov);
        let exact: Vec<f64> = centres.map(pdf).collect();
        grid.compare_with(&exact, 1e-3).unwrap()
    };
    let (coarse, fine) = (agreement(64), agreement(128));
    eprintln!("point values: N = 64 {coarse:?}, N = 128 {fine:?}");
    assert!(fine.l1 < 3e-3 && fine.max_relative < 0.08, "{fine:?}");
    assert!(fine.l1 < 0.35 * coarse.l1 && fine.max_relative < 0.5 * coarse.max_relative);
}

#[test]
fn constant_field_shifts_the_density() {
    let b = [0.8, -0.5];
    let mut grid = square(128, 6.0);
    grid.advance_to(&mut Affine::constant(b), 1.0).unwrap();
    let exact = gaussian_cell_averages(&grid, b, Matrix2::identity());
    let err = l1(&exact, grid.density(), grid.cell_area());
    assert!(err < 3e-3, "{err}");
    let p = grid.density();
    let centroid = |k: usize| {
        let moments = grid.cell_centres().chunks_exact(2).zip(p);
        moments.map(|(c, q)| c[k] * q).sum::<f64>() * grid.cell_area() / grid.mass()
    };
    assert!((centroid(0) - b[0]).abs() < 1e-3 && (centroid(1) - b[1]).abs() < 1e-3);
}

#[test]
fn rotation_keeps_the_standard_normal_in_place() {
    let drift = |n: usize| {
        let mut grid = square(n, 5.0);
        let start = grid.density().to_vec();
        grid.advance_to(&mut Affine::rotation(2.0), 1.0).unwrap();
        l1(&start, grid.density(), grid.cell_area())
    };
    let (coarse, fine) = (drift(64), drift(128));
    eprintln!("rotation drift: {coarse:.2e} -> {fine:.2e}");
    assert!(fine < 2e-3 && fine < 0.35 * coarse, "{coarse} {fine}");
}

/// v(x, t) = (2t, 0): the density moves by ∫₀ᵗ 2s ds = t² along x.
struct Accelerating;

impl VelocityField for Accelerating {
    fn velocity(&mut self, t: f64, xs: &[f64], out: &mut [f64]) {
        for (_, v) in xs.chunks_exact(2).zip(out.chunks_exact_mut(2)) {
            v.copy_from_slice(&[2.0 * t, 0.0]);
        }
    }

    fn velocity_and_jacobian(&mut self, t: f64, xs: &[f64], v: &mut [f64], jac: &mut [f64]) {
        self.velocity(t, xs, v);
        jac.fill(0.0);
    }
}

#[test]
fn time_dependent_field_is_sampled_at_stage_times() {
    let mut grid = square(128, 6.0);
    grid.advance_to(&mut Accelerating, 0.5).unwrap();
    assert_eq!(grid.t(), 0.5);
    grid.advance_to(&mut Accelerating, 1.0).unwrap();
    assert_eq!(grid.t(), 1.0);
    let exact = gaussian_cell_averages(&grid, [1.0, 0.0], Matrix2::identity());
    let err = l1(&exact, grid.density(), grid.cell_area());
    assert!(err < 3e-3, "{err}");
}
