//! The flow-matching regression loss and its gradient with respect to the network output.
//!
//! For n points with outputs v_i and targets u_i in R^2,
//! L = (1 / 2n) Σ_i ||v_i - u_i||², the mean over the batch AND the two components, which is
//! PyTorch's `F.mse_loss(v, u)`; so dL/dv_i = (v_i - u_i) / n.

use super::real::Real;

/// L = (1 / 2n) Σ_i ||v_i - u_i||², accumulated in f64; `v` and `u` hold 2n values.
pub(crate) fn mse<R: Real>(v: &[R], u: &[f64]) -> f64 {
    let sum: f64 = v
        .iter()
        .zip(u)
        .map(|(&v, &u)| (v.to_f64() - u).powi(2))
        .sum();
    sum / v.len().max(1) as f64
}

/// Backward rule of [`mse`]: writes g = dL/dv = (v - u) / n.
pub(crate) fn mse_backward<R: Real>(v: &[R], u: &[f64], g: &mut [R]) {
    let scale = 2.0 / v.len().max(1) as f64;
    for ((g, &v), &u) in g.iter_mut().zip(v).zip(u) {
        *g = R::from_f64((v.to_f64() - u) * scale);
    }
}
