//! Frame-by-frame animation: many small calls must match one large one, and time must reverse.

use super::fields::bent;
use super::{mesh, tight};
use crate::field::pointwise::Pointwise;
use crate::integrate::Method;

fn max_diff(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).fold(0.0, |m, (x, y)| m.max((x - y).abs()))
}

#[test]
fn sixty_frames_match_one_call() {
    let mut frames = mesh(20);
    for k in 1..=60 {
        let stats = frames
            .advance_to(
                &mut Pointwise(bent),
                k as f64 / 60.0,
                Method::Rk4 { steps: 2 },
            )
            .unwrap();
        assert_eq!(
            stats.evaluations, 8,
            "a frame costs its own two RK4 steps only"
        );
    }
    assert_eq!(frames.time(), 1.0);
    // The same 120 steps of size 1/120 in one call...
    let mut once = mesh(20);
    once.advance_to(&mut Pointwise(bent), 1.0, Method::Rk4 { steps: 120 })
        .unwrap();
    // ...and a reference far more accurate than either.
    let mut reference = mesh(20);
    reference
        .advance_to(&mut Pointwise(bent), 1.0, tight())
        .unwrap();
    for (a, b, tol) in [(&frames, &once, 1e-11), (&frames, &reference, 1e-6)] {
        assert!(max_diff(a.positions(), b.positions()) < tol);
        assert!(max_diff(a.log_det(), b.log_det()) < tol);
        assert!(max_diff(a.log_density(), b.log_density()) < tol);
    }
}

#[test]
fn forward_then_backward_returns_to_the_start() {
    let mut m = mesh(16);
    let start = m.positions().to_vec();
    let base = m.log_density().to_vec();
    m.advance_to(&mut Pointwise(bent), 1.0, Method::Rk4 { steps: 400 })
        .unwrap();
    assert!(
        max_diff(m.positions(), &start) > 0.1,
        "the field must move the mesh"
    );
    for k in (0..10).rev() {
        m.advance_to(
            &mut Pointwise(bent),
            k as f64 / 10.0,
            Method::Rk4 { steps: 40 },
        )
        .unwrap();
    }
    assert_eq!(m.time(), 0.0);
    assert!(max_diff(m.positions(), &start) < 1e-8);
    assert!(m.log_det().iter().all(|l| l.abs() < 1e-8));
    assert!(max_diff(m.log_density(), &base) < 1e-8);
    let j = m.jacobian(37).unwrap();
    assert!(
        max_diff(&j, &[1.0, 0.0, 0.0, 1.0]) < 1e-8,
        "J back to I: {j:?}"
    );
}

#[test]
fn reset_restores_time_zero() {
    let mut m = mesh(8);
    let start = m.positions().to_vec();
    m.advance_to(&mut Pointwise(bent), 0.5, Method::Rk4 { steps: 10 })
        .unwrap();
    m.reset();
    assert_eq!(m.time(), 0.0);
    assert_eq!(m.positions(), &start[..]);
    assert!(m.log_det().iter().all(|&l| l == 0.0));
}
