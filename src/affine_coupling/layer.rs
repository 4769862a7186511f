//! One affine coupling layer (Dinh et al. 2017, RealNVP) in the plane, given its conditioner output.
//!
//! Layer k changes coordinate b = k mod 2 and keeps a = 1 - b. With the conditioner's outputs
//! (r, t) = NN_k(x_a) and the bounded log-scale s = S tanh(r / S):
//! y_a = x_a,  y_b = x_b e^s + t,  so dy/dx is triangular with det e^s and ln|det| = s.
//! Inverse: x_a = y_a, x_b = (y_b - t) e^{-s}: the conditioner sees x_a = y_a either way.
//! Reverse mode (given dL/dy and dL/d(ln det) = w per point):
//! dL/dx_b = dL/dy_b e^s,  dL/dt = dL/dy_b,  dL/ds = dL/dy_b x_b e^s + w,  dL/dr = dL/ds (1 - tanh²(r/S)),
//! and dL/dx_a = dL/dy_a + (conditioner's input gradient), added by the caller.

/// s = S tanh(r / S) and ds/dr = 1 - tanh²(r / S).
pub(super) fn bounded(r: f64, bound: f64) -> (f64, f64) {
    let th = (r / bound).tanh();
    (bound * th, 1.0 - th * th)
}

/// Writes y (2n values) from x and the conditioner outputs `cond` (rows (r, t)); adds s to `log_det`.
pub(super) fn forward(
    b: usize,
    bound: f64,
    x: &[f64],
    cond: &[f64],
    y: &mut [f64],
    log_det: &mut [f64],
) {
    let rows = x.chunks_exact(2).zip(cond.chunks_exact(2));
    for (((x, c), y), ld) in rows.zip(y.chunks_exact_mut(2)).zip(log_det) {
        let (s, _) = bounded(c[0], bound);
        y.copy_from_slice(x);
        y[b] = x[b] * s.exp() + c[1];
        *ld += s;
    }
}

/// Undoes [`forward`] in place: y becomes x.
pub(super) fn inverse(b: usize, bound: f64, y: &mut [f64], cond: &[f64]) {
    for (y, c) in y.chunks_exact_mut(2).zip(cond.chunks_exact(2)) {
        let (s, _) = bounded(c[0], bound);
        y[b] = (y[b] - c[1]) * (-s).exp();
    }
}

/// Reverse mode: turns `g` = dL/dy into dL/dx except for the conditioner's share of dL/dx_a, and
/// writes dL/d(r, t) into `g_cond`. `w` is dL/d(ln det) of every point.
pub(super) fn backward(
    b: usize,
    bound: f64,
    x: &[f64],
    cond: &[f64],
    w: f64,
    g: &mut [f64],
    g_cond: &mut [f64],
) {
    let rows = x.chunks_exact(2).zip(cond.chunks_exact(2));
    for ((x, c), (g, gc)) in rows.zip(g.chunks_exact_mut(2).zip(g_cond.chunks_exact_mut(2))) {
        let (s, ds_dr) = bounded(c[0], bound);
        let e = s.exp();
        let gy = g[b];
        gc[0] = (gy * x[b] * e + w) * ds_dr;
        gc[1] = gy;
        g[b] = gy * e;
    }
}
