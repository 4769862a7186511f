//! The exact spatial Jacobian dv/dx by forward-mode (tangent) differentiation.
//!
//! Alongside the forward pass, two tangents are pushed through the layers: the derivatives of every
//! activation along x1 and along x2. The input tangents are the unit vectors (1, 0, 0) and (0, 1, 0), so
//! the first layer's dz is row 0 or row 1 of W_0; after that dz = da W and da' = σ'(z) ⊙ dz. The output
//! tangents are the columns dv/dx1 and dv/dx2 of the Jacobian, hence div v = dv1/dx1 + dv2/dx2 exactly.

use super::activation::chain;
use super::workspace::{batch_size, Times, Workspace};
use super::{Mlp, Real};

impl<R: Real> Mlp<R> {
    /// Writes v(x_i, t_i) into `v` (2n values) and the row-major Jacobian
    /// `[dv1/dx1, dv1/dx2, dv2/dx1, dv2/dx2]` of every point into `jac` (4n values).
    pub fn velocity_and_jacobian(
        &self,
        ws: &mut Workspace<R>,
        xs: &[f64],
        times: Times<'_>,
        v: &mut [f64],
        jac: &mut [f64],
    ) -> Result<(), String> {
        self.check_velocity()?;
        let n = batch_size(xs, times, v.len(), 2)?;
        batch_size(xs, times, jac.len(), 4)?;
        ws.prepare(self.layout(), n, true);
        ws.load(xs, times);
        self.run_forward(ws, true);
        for (o, &x) in v.iter_mut().zip(ws.output()) {
            *o = x.to_f64();
        }
        let Workspace {
            derivs, tangents, ..
        } = ws;
        let [dz, da] = tangents;
        let (mut dz, mut da) = (dz.as_mut_slice(), da.as_mut_slice());
        let layers = self.layout().layers();
        let first = layers[0];
        let w0 = &self.params()[first.weights..first.bias];
        for pair in dz[..2 * n * first.fan_out].chunks_exact_mut(2 * first.fan_out) {
            pair.copy_from_slice(&w0[..2 * first.fan_out]);
        }
        chain(&derivs[0][..n * first.fan_out], first.fan_out, 2, dz);
        for (l, span) in layers.iter().enumerate().skip(1) {
            std::mem::swap(&mut dz, &mut da);
            span.tangent(self.params(), da, 2 * n, dz);
            if let Some(deriv) = derivs.get(l) {
                chain(&deriv[..n * span.fan_out], span.fan_out, 2, dz);
            }
        }
        for (j, d) in jac.chunks_exact_mut(4).zip(dz.chunks_exact(4)) {
            // d = [dv1/dx1, dv2/dx1, dv1/dx2, dv2/dx2]: the two tangent rows of one point.
            j.copy_from_slice(&[d[0].to_f64(), d[2].to_f64(), d[1].to_f64(), d[3].to_f64()]);
        }
        Ok(())
    }
}
