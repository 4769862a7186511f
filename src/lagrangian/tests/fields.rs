//! A nonlinear, time-dependent test field with a hand-derived Jacobian, and its check.

use crate::field::pointwise::assert_jacobian;

/// v = (sin(y + t) + x cos(t) / 2 - x^3 / 10,  0.8 tanh x - 0.3 y + 0.2 y sin x), with
/// dv/dx = [[cos(t) / 2 - 0.3 x^2, cos(y + t)], [0.8 (1 - tanh^2 x) + 0.2 y cos x, -0.3 + 0.2 sin x]]
/// and so div v = cos(t) / 2 - 0.3 x^2 - 0.3 + 0.2 sin x, which varies along every trajectory.
pub(super) fn bent(t: f64, x: f64, y: f64) -> ([f64; 2], [f64; 4]) {
    let th = x.tanh();
    let v = [
        (y + t).sin() + 0.5 * x * t.cos() - 0.1 * x.powi(3),
        0.8 * th - 0.3 * y + 0.2 * y * x.sin(),
    ];
    let j = [
        0.5 * t.cos() - 0.3 * x * x,
        (y + t).cos(),
        0.8 * (1.0 - th * th) + 0.2 * y * x.cos(),
        -0.3 + 0.2 * x.sin(),
    ];
    (v, j)
}

#[test]
fn bent_jacobian_matches_central_differences() {
    let at = [(0.0, 0.3, -1.2), (0.6, -2.5, 0.4), (1.0, 2.9, 2.8)];
    assert_jacobian(bent, &at, 1e-5, 1e-8);
}
