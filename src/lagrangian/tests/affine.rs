//! Affine fields have closed-form flows: x_t = e^{tA} x_0 + t b (b only when A = 0), J_t = e^{tA}.

use super::{mesh, tight};
use crate::density::standard_normal_log_density;
use crate::field::analytic::Affine;
use crate::integrate::tests::fields::expm;
use crate::integrate::Method;
use nalgebra::Vector2;

/// Non-symmetric, non-normal, trace -0.5.
const A: [f64; 4] = [0.4, -1.1, 0.7, -0.9];

/// The starting grid of a `side`² mesh on [-3, 3]², written out independently of the mesh.
fn start(side: usize) -> Vec<Vector2<f64>> {
    let step = 6.0 / (side - 1) as f64;
    (0..side * side)
        .map(|k| {
            Vector2::new(
                -3.0 + (k % side) as f64 * step,
                -3.0 + (k / side) as f64 * step,
            )
        })
        .collect()
}

fn close(a: f64, b: f64, tol: f64, what: &str) {
    assert!((a - b).abs() < tol, "{what}: {a} vs {b}");
}

#[test]
fn linear_field_moves_vertices_by_the_matrix_exponential_and_gives_the_gaussian() {
    let t = 0.8;
    let m = expm(A, t);
    // Pushing N(0, I) through x -> M x gives N(0, M M^T).
    let sigma = m * m.transpose();
    let (sigma_inv, log_det_sigma) = (sigma.try_inverse().unwrap(), sigma.determinant().ln());
    for method in [Method::Rk4 { steps: 200 }, tight()] {
        let mut mesh = mesh(16);
        mesh.advance_to(&mut Affine::linear(A), t, method).unwrap();
        for (k, x0) in start(16).iter().enumerate() {
            let want = m * x0;
            let got = Vector2::new(mesh.positions()[2 * k], mesh.positions()[2 * k + 1]);
            assert!(
                (got - want).norm() < 1e-9,
                "{method:?} vertex {k}: {got} vs {want}"
            );
            close(mesh.log_det()[k], t * (A[0] + A[3]), 1e-9, "log det J");
            let gauss = -0.5 * want.dot(&(sigma_inv * want))
                - std::f64::consts::TAU.ln()
                - 0.5 * log_det_sigma;
            close(mesh.log_density()[k], gauss, 1e-8, "log p_t");
        }
    }
}

#[test]
fn constant_field_shifts_vertices_and_density() {
    let (b, t) = ([0.7, -1.3], 0.6);
    let mut mesh = mesh(12);
    mesh.advance_to(&mut Affine::constant(b), t, Method::Rk4 { steps: 3 })
        .unwrap();
    for (k, x0) in start(12).iter().enumerate() {
        let x = [x0[0] + t * b[0], x0[1] + t * b[1]];
        close(mesh.positions()[2 * k], x[0], 1e-12, "x");
        close(mesh.positions()[2 * k + 1], x[1], 1e-12, "y");
        assert_eq!(mesh.log_det()[k], 0.0, "a shift keeps areas exactly");
        let shifted = standard_normal_log_density(&[x[0] - t * b[0], x[1] - t * b[1]]);
        close(mesh.log_density()[k], shifted, 1e-12, "log p_t");
    }
}

#[test]
fn rotation_keeps_log_density_along_vertices() {
    let (omega, t) = (2.5, 1.0);
    let mut mesh = mesh(12);
    mesh.advance_to(&mut Affine::rotation(omega), t, Method::Rk4 { steps: 400 })
        .unwrap();
    let (c, s) = ((omega * t).cos(), (omega * t).sin());
    for (k, x0) in start(12).iter().enumerate() {
        close(mesh.positions()[2 * k], c * x0[0] - s * x0[1], 1e-8, "x");
        close(
            mesh.positions()[2 * k + 1],
            s * x0[0] + c * x0[1],
            1e-8,
            "y",
        );
        close(mesh.log_det()[k], 0.0, 1e-8, "log det J");
        let base = standard_normal_log_density(x0.as_slice());
        close(mesh.log_density()[k], base, 1e-8, "log p along the vertex");
    }
}
