//! Test problems with known answers, shared by the integrator and density tests.

use crate::field::pointwise::assert_jacobian;
use crate::integrate::{DopriConfig, Method, Ode};
use nalgebra::Matrix2;

/// A nonlinear, time-dependent field with a hand-derived Jacobian:
/// v = (sin y + t x / 2, cos t - x^3 / 10 + 0.4 y sin x),
/// dv/dx = [[t / 2, cos y], [-3 x^2 / 10 + 0.4 y cos x, 0.4 sin x]], div v = t / 2 + 0.4 sin x.
pub(crate) fn wavy(t: f64, x: f64, y: f64) -> ([f64; 2], [f64; 4]) {
    let v = [
        y.sin() + 0.5 * t * x,
        t.cos() - 0.1 * x.powi(3) + 0.4 * y * x.sin(),
    ];
    let j = [
        0.5 * t,
        y.cos(),
        -0.3 * x * x + 0.4 * y * x.cos(),
        0.4 * x.sin(),
    ];
    (v, j)
}

/// y1' = y1 cos t, y2' = -2 t y2 with y(0) = (1, 1): y(t) = (e^{sin t}, e^{-t^2}).
pub(crate) struct ExpSin;

impl ExpSin {
    pub fn exact(t: f64) -> [f64; 2] {
        [t.sin().exp(), (-t * t).exp()]
    }
}

impl Ode for ExpSin {
    fn derivative(&mut self, t: f64, y: &[f64], dy: &mut [f64]) {
        dy[0] = y[0] * t.cos();
        dy[1] = -2.0 * t * y[1];
    }
}

/// e^{tA} for a row-major 2x2 A, from nalgebra's matrix exponential.
pub(crate) fn expm(a: [f64; 4], t: f64) -> Matrix2<f64> {
    (Matrix2::new(a[0], a[1], a[2], a[3]) * t).exp()
}

/// A non-symmetric, non-diagonal test matrix with trace -0.2.
pub(crate) const A: [f64; 4] = [-0.3, 1.2, -0.8, 0.1];

/// Every method at a moderate accuracy, with a tolerance for errors of O(1) problems over t ~ 1
/// (Euler's error ~ h, midpoint's ~ h^2, RK4's ~ h^4, DOPRI5's ~ rtol).
pub(crate) fn methods() -> Vec<(Method, f64)> {
    let tight = DopriConfig {
        rtol: 1e-10,
        atol: 1e-12,
        ..DopriConfig::default()
    };
    vec![
        (Method::Euler { steps: 4000 }, 2e-3),
        (Method::Midpoint { steps: 400 }, 2e-5),
        (Method::Rk4 { steps: 100 }, 1e-8),
        (Method::Dopri5(tight), 1e-8),
    ]
}

#[test]
fn wavy_jacobian_matches_central_differences() {
    let at = [(0.0, 0.3, -1.2), (0.7, -1.5, 0.4), (1.0, 2.0, 2.5)];
    assert_jacobian(wavy, &at, 1e-6, 1e-7);
}
