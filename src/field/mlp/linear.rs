//! The affine layer z = a W + b and its derivative rules, each next to the forward rule.
//!
//! Shapes for a batch of n rows: a is n x fan_in, W fan_in x fan_out, b and each row of z fan_out.

use super::gemm::{gemm_acc, Strided};
use super::layout::LayerSpan;
use super::real::Real;

impl LayerSpan {
    fn weights_of<'p, R>(&self, params: &'p [R]) -> &'p [R] {
        &params[self.weights..self.bias]
    }

    /// Forward: z = a W + b (z is overwritten).
    pub(crate) fn forward<R: Real>(&self, params: &[R], a: &[R], n: usize, z: &mut [R]) {
        let bias = &params[self.bias..self.end()];
        let z = &mut z[..n * self.fan_out];
        for row in z.chunks_exact_mut(self.fan_out) {
            row.copy_from_slice(bias);
        }
        gemm_acc(
            Strided::rows(a, n, self.fan_in),
            self.weights_of(params),
            z,
            self.fan_out,
        );
    }

    /// Backward to the parameters: given g = dL/dz, writes dL/dW = aᵀ g and dL/db = Σ_rows g into
    /// this layer's slots of `grad` (overwriting them).
    pub(crate) fn backward_params<R: Real>(&self, a: &[R], g: &[R], n: usize, grad: &mut [R]) {
        let (dw, db) = grad[self.weights..self.end()].split_at_mut(self.bias - self.weights);
        dw.fill(R::ZERO);
        gemm_acc(Strided::transposed(a, n, self.fan_in), g, dw, self.fan_out);
        db.fill(R::ZERO);
        for row in g[..n * self.fan_out].chunks_exact(self.fan_out) {
            for (s, &x) in db.iter_mut().zip(row) {
                *s += x;
            }
        }
    }

    /// Backward to the input: given g = dL/dz, writes dL/da = g Wᵀ into `da`. `wt` is scratch for Wᵀ.
    pub(crate) fn backward_input<R: Real>(
        &self,
        params: &[R],
        g: &[R],
        n: usize,
        da: &mut [R],
        wt: &mut [R],
    ) {
        let (fan_in, fan_out) = (self.fan_in, self.fan_out);
        let w = self.weights_of(params);
        let wt = &mut wt[..fan_in * fan_out];
        for (k, w_row) in w.chunks_exact(fan_out).enumerate() {
            for (j, &x) in w_row.iter().enumerate() {
                wt[j * fan_in + k] = x;
            }
        }
        let da = &mut da[..n * fan_in];
        da.fill(R::ZERO);
        gemm_acc(Strided::rows(g, n, fan_out), wt, da, fan_in);
    }

    /// Tangent (forward mode): a change da of the input changes z by dz = da W (overwritten).
    pub(crate) fn tangent<R: Real>(&self, params: &[R], da: &[R], rows: usize, dz: &mut [R]) {
        let dz = &mut dz[..rows * self.fan_out];
        dz.fill(R::ZERO);
        gemm_acc(
            Strided::rows(da, rows, self.fan_in),
            self.weights_of(params),
            dz,
            self.fan_out,
        );
    }
}
