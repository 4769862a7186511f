//! Fields with closed-form flows, used to check the numerics and in the notebook's first figures.

use super::VelocityField;

/// The affine field v(x) = A x + b, constant in time. Its flow is x_t = e^{tA} x_0 + (∫_0^t e^{sA} ds) b
/// and its Jacobian J_t = e^{tA}, so det J_t = e^{t tr A}.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Affine {
    /// Row-major 2x2 matrix A.
    pub a: [f64; 4],
    /// Offset b.
    pub b: [f64; 2],
}

impl Affine {
    /// The linear field v = A x.
    pub fn linear(a: [f64; 4]) -> Self {
        Self { a, b: [0.0, 0.0] }
    }

    /// The constant field v = b: it shifts every point, and the density with it, by t b.
    pub fn constant(b: [f64; 2]) -> Self {
        Self { a: [0.0; 4], b }
    }

    /// The rotation v = omega (-y, x): divergence-free, so it keeps log p constant along trajectories.
    pub fn rotation(omega: f64) -> Self {
        Self::linear([0.0, -omega, omega, 0.0])
    }
}

impl VelocityField for Affine {
    fn velocity(&mut self, _t: f64, xs: &[f64], out: &mut [f64]) {
        let [a11, a12, a21, a22] = self.a;
        for (x, v) in xs.chunks_exact(2).zip(out.chunks_exact_mut(2)) {
            v[0] = a11 * x[0] + a12 * x[1] + self.b[0];
            v[1] = a21 * x[0] + a22 * x[1] + self.b[1];
        }
    }

    fn velocity_and_jacobian(&mut self, t: f64, xs: &[f64], v: &mut [f64], jac: &mut [f64]) {
        self.velocity(t, xs, v);
        for j in jac.chunks_exact_mut(4) {
            j.copy_from_slice(&self.a);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rotation_is_divergence_free_and_linear_field_matches_matrix() {
        let mut f = Affine::rotation(2.0);
        let xs = [1.0, 0.5, -2.0, 3.0];
        let (mut v, mut j) = ([0.0; 4], [0.0; 8]);
        f.velocity_and_jacobian(0.3, &xs, &mut v, &mut j);
        assert_eq!(v, [-1.0, 2.0, -6.0, -4.0]);
        assert_eq!(crate::field::divergence(&j[4..]), 0.0);
    }
}
