//! A nonlinear, time-dependent test field with a hand-derived Jacobian, and its check.

use crate::field::VelocityField;

/// v = (sin(y + t) + x cos(t) / 2 - x^3 / 10,  0.8 tanh x - 0.3 y + 0.2 y sin x), with
/// dv/dx = [[cos(t) / 2 - 0.3 x^2, cos(y + t)], [0.8 (1 - tanh^2 x) + 0.2 y cos x, -0.3 + 0.2 sin x]]
/// and so div v = cos(t) / 2 - 0.3 x^2 - 0.3 + 0.2 sin x, which varies along every trajectory.
pub(super) struct Bent;

impl Bent {
    pub(super) fn at(t: f64, x: f64, y: f64) -> ([f64; 2], [f64; 4]) {
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
}

impl VelocityField for Bent {
    fn velocity(&mut self, t: f64, xs: &[f64], out: &mut [f64]) {
        for (p, o) in xs.chunks_exact(2).zip(out.chunks_exact_mut(2)) {
            o.copy_from_slice(&Self::at(t, p[0], p[1]).0);
        }
    }

    fn velocity_and_jacobian(&mut self, t: f64, xs: &[f64], v: &mut [f64], jac: &mut [f64]) {
        let per_point = v.chunks_exact_mut(2).zip(jac.chunks_exact_mut(4));
        for (p, (o, j)) in xs.chunks_exact(2).zip(per_point) {
            let (vi, ji) = Self::at(t, p[0], p[1]);
            o.copy_from_slice(&vi);
            j.copy_from_slice(&ji);
        }
    }
}

#[test]
fn bent_jacobian_matches_central_differences() {
    let h = 1e-5;
    for &(t, x, y) in &[(0.0, 0.3, -1.2), (0.6, -2.5, 0.4), (1.0, 2.9, 2.8)] {
        let (_, j) = Bent::at(t, x, y);
        let d = |dx: f64, dy: f64, c: usize| {
            (Bent::at(t, x + dx, y + dy).0[c] - Bent::at(t, x - dx, y - dy).0[c]) / (2.0 * h)
        };
        let fd = [d(h, 0.0, 0), d(0.0, h, 0), d(h, 0.0, 1), d(0.0, h, 1)];
        for (a, b) in j.iter().zip(&fd) {
            assert!((a - b).abs() < 1e-8, "jacobian {j:?} vs differences {fd:?}");
        }
    }
}
