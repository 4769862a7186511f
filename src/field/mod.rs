//! Vector fields v(x, t) on R^2: the object a continuous normalizing flow learns.
//!
//! Points are stored interleaved, `[x0, y0, x1, y1, ...]`, so a batch of n points is a slice of
//! length 2n. A Jacobian dv/dx is stored row-major per point:
//! `[dv1/dx1, dv1/dx2, dv2/dx1, dv2/dx2]`, four numbers a point.

pub mod analytic;
pub mod mlp;
#[cfg(test)]
pub(crate) mod pointwise;

/// A time-dependent vector field on the plane, evaluated on batches of points.
///
/// Methods take `&mut self` so that an implementation may keep scratch buffers and never
/// allocate while it is integrated.
pub trait VelocityField {
    /// Writes v(x_i, t) for every point: `xs.len() == out.len() == 2n`.
    fn velocity(&mut self, t: f64, xs: &[f64], out: &mut [f64]);

    /// Writes v(x_i, t) and the exact spatial Jacobian dv/dx(x_i, t):
    /// `v.len() == 2n`, `jac.len() == 4n`.
    fn velocity_and_jacobian(&mut self, t: f64, xs: &[f64], v: &mut [f64], jac: &mut [f64]);
}

/// The divergence div v = tr(dv/dx) of one point's row-major 2x2 Jacobian.
pub fn divergence(jac: &[f64]) -> f64 {
    jac[0] + jac[3]
}
