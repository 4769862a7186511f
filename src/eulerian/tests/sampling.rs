//! The field is evaluated in one batch per step, at the face centres.

use super::*;
use crate::field::{analytic::Affine, VelocityField};

/// An affine field that records how it was called.
struct Recording {
    inner: Affine,
    calls: usize,
    batch: usize,
    first_points: [f64; 2],
    times: Vec<f64>,
}

impl VelocityField for Recording {
    fn velocity(&mut self, t: f64, xs: &[f64], out: &mut [f64]) {
        self.calls += 1;
        self.batch = xs.len();
        self.first_points = [xs[0], xs[1]];
        self.times.push(t);
        self.inner.velocity(t, xs, out);
    }

    fn velocity_and_jacobian(&mut self, t: f64, xs: &[f64], v: &mut [f64], jac: &mut [f64]) {
        self.inner.velocity_and_jacobian(t, xs, v, jac);
    }
}

#[test]
fn one_batch_call_per_step_at_the_face_centres() {
    let n = 20;
    let mut grid = square(n, 5.0);
    let mut field = Recording {
        inner: Affine::constant([1.0, -0.5]),
        calls: 0,
        batch: 0,
        first_points: [0.0; 2],
        times: Vec::new(),
    };
    grid.advance_to(&mut field, 0.7).unwrap();
    assert_eq!(field.calls, grid.steps() + 1);
    assert_eq!(field.batch, 4 * n * (n + 1));
    assert_eq!(field.first_points, [-5.0, -5.0 + 0.25]); // x-face (0, 0): left edge, row 0
                                                         // CFL: dt = (2/9) · 0.5 / 1 = 1/9, shortened to land on 0.7: 7 equal steps.
    assert_eq!(grid.steps(), 7);
    let dt = 0.7 / 7.0;
    for (k, t) in field.times.iter().enumerate().skip(1) {
        assert!((t - k as f64 * dt).abs() < 1e-15, "{k}: {t}");
    }
}
