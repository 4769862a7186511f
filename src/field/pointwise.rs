//! Test fields given point by point: a closure (t, x, y) -> (v, dv/dx) becomes a [`VelocityField`],
//! and its hand-derived Jacobian is checked against central differences.

use super::VelocityField;

/// v and its row-major Jacobian at one point and time.
pub(crate) type PointFn = fn(t: f64, x: f64, y: f64) -> ([f64; 2], [f64; 4]);

/// A field evaluated one point at a time by a hand-written formula.
pub(crate) struct Pointwise(pub PointFn);

impl VelocityField for Pointwise {
    fn velocity(&mut self, t: f64, xs: &[f64], out: &mut [f64]) {
        for (p, o) in xs.chunks_exact(2).zip(out.chunks_exact_mut(2)) {
            o.copy_from_slice(&(self.0)(t, p[0], p[1]).0);
        }
    }

    fn velocity_and_jacobian(&mut self, t: f64, xs: &[f64], v: &mut [f64], jac: &mut [f64]) {
        let per_point = v.chunks_exact_mut(2).zip(jac.chunks_exact_mut(4));
        for (p, (o, j)) in xs.chunks_exact(2).zip(per_point) {
            let (vi, ji) = (self.0)(t, p[0], p[1]);
            o.copy_from_slice(&vi);
            j.copy_from_slice(&ji);
        }
    }
}

/// Asserts that `f`'s Jacobian matches central differences of step `h` to `tol` at each (t, x, y).
pub(crate) fn assert_jacobian(f: PointFn, at: &[(f64, f64, f64)], h: f64, tol: f64) {
    for &(t, x, y) in at {
        let (_, j) = f(t, x, y);
        let d = |dx: f64, dy: f64, c: usize| {
            (f(t, x + dx, y + dy).0[c] - f(t, x - dx, y - dy).0[c]) / (2.0 * h)
        };
        let fd = [d(h, 0.0, 0), d(0.0, h, 0), d(h, 0.0, 1), d(0.0, h, 1)];
        for (a, b) in j.iter().zip(&fd) {
            assert!(
                (a - b).abs() < tol,
                "jacobian {j:?} vs differences {fd:?} at ({t}, {x}, {y})"
            );
        }
    }
}
