//! Affine flows of N(0, I) have closed-form densities.

use crate::density::{log_density, standard_normal_log_density};
use crate::field::analytic::Affine;
use crate::integrate::augmented::PositionsOde;
use crate::integrate::tests::fields::{expm, methods, A};
use crate::integrate::Solver;

const POINTS: [f64; 8] = [0.0, 0.0, 1.5, -0.5, -2.0, 1.0, 0.3, 2.2];

#[test]
fn standard_normal_matches_its_formula() {
    let two_pi = 2.0 * std::f64::consts::PI;
    assert!((standard_normal_log_density(&[0.0, 0.0]) + two_pi.ln()).abs() < 1e-15);
    let want = (-2.5f64).exp() / two_pi; // exp(-(1 + 4) / 2) / (2 pi)
    assert!((standard_normal_log_density(&[1.0, -2.0]).exp() - want).abs() < 1e-15);
    assert!((standard_normal_log_density(&[3.0]) - (-4.5 - 0.5 * two_pi.ln())).abs() < 1e-15);
}

#[test]
fn constant_field_shifts_the_density() {
    let b = [0.7, -1.3];
    let t = 0.8;
    for (method, _) in methods() {
        let mut out = [0.0; 4];
        log_density(&mut Affine::constant(b), t, &POINTS, method, &mut out).unwrap();
        for (p, got) in POINTS.chunks(2).zip(out) {
            let want = standard_normal_log_density(&[p[0] - t * b[0], p[1] - t * b[1]]);
            assert!((got - want).abs() < 1e-10, "{method:?}: {got} vs {want}");
        }
    }
}

#[test]
fn linear_field_density_is_the_pulled_back_gaussian_minus_t_trace() {
    let t = 1.1;
    let back = expm(A, -t);
    for (method, tol) in methods() {
        let mut out = [0.0; 4];
        log_density(&mut Affine::linear(A), t, &POINTS, method, &mut out).unwrap();
        for (p, got) in POINTS.chunks(2).zip(out) {
            let x0 = [
                back[(0, 0)] * p[0] + back[(0, 1)] * p[1],
                back[(1, 0)] * p[0] + back[(1, 1)] * p[1],
            ];
            let want = standard_normal_log_density(&x0) - t * (A[0] + A[3]);
            assert!(
                (got - want).abs() < 10.0 * tol,
                "{method:?}: {got} vs {want}"
            );
        }
    }
}

#[test]
fn rotation_keeps_the_density_and_the_radius() {
    let omega = 2.5;
    for (method, tol) in methods() {
        // Rotating N(0, I) leaves it unchanged: log p_t = log N everywhere.
        let mut out = [0.0; 4];
        log_density(&mut Affine::rotation(omega), 0.9, &POINTS, method, &mut out).unwrap();
        for (p, got) in POINTS.chunks(2).zip(out) {
            assert!(
                (got - standard_normal_log_density(p)).abs() < 10.0 * tol,
                "{method:?}"
            );
        }
        // Along a trajectory the radius (and so log N) stays put while the angle turns by omega t.
        let times = [0.25, 0.5, 0.75, 1.0];
        let (mut y, mut traj) = ([2.0, 0.0], [0.0; 8]);
        let mut field = Affine::rotation(omega);
        Solver::new(method)
            .unwrap()
            .trajectory(
                &mut PositionsOde::new(&mut field),
                0.0,
                &mut y,
                &times,
                &mut traj,
            )
            .unwrap();
        for (row, t) in traj.chunks(2).zip(times) {
            assert!(
                (row[0].hypot(row[1]) - 2.0).abs() < 30.0 * tol,
                "{method:?}: radius {row:?}"
            );
            let turned = [2.0 * (omega * t).cos(), 2.0 * (omega * t).sin()];
            assert!(
                (row[0] - turned[0]).abs() < 30.0 * tol && (row[1] - turned[1]).abs() < 30.0 * tol,
                "{method:?}"
            );
        }
    }
}
