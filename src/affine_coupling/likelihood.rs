//! The exact log-likelihood log p(x) = log N(f(x)) + Σ_k s_k(x) and its gradient in every weight.
//!
//! The forward pass records every layer's input and conditioner output (and each conditioner keeps
//! its own pass in its workspace). For the mean negative log-likelihood L = -(1/n) Σ_i log p(x_i),
//! reverse mode starts from dL/dz = z/n (the base term) and dL/ds_k = -1/n (the log-determinant
//! terms), and walks the layers from last to first: the [`layer`] rule gives dL/d(r, t) and most of
//! dL/dx; the conditioner's backward pass turns dL/d(r, t) into dL/dθ_k and the rest of dL/dx_a.

use super::{changed, layer, CouplingFlow, LikelihoodTerms};
use crate::density::standard_normal_log_density;

/// Checks a non-empty batch of finite (x, y) points; returns n.
pub(crate) fn batch(xs: &[f64]) -> Result<usize, String> {
    if xs.is_empty() || !xs.len().is_multiple_of(2) {
        return Err("coupling flow: need a non-empty batch of (x, y) points".into());
    }
    if xs.iter().any(|v| !v.is_finite()) {
        return Err("coupling flow: points must be finite".into());
    }
    Ok(xs.len() / 2)
}

impl CouplingFlow {
    /// Runs f on `xs`, recording every layer; leaves Σ_k s_k per point in `self.log_det`.
    pub(crate) fn record(&mut self, xs: &[f64]) -> Result<usize, String> {
        let n = batch(xs)?;
        let bound = self.config.scale_bound;
        self.log_det.clear();
        self.log_det.resize(n, 0.0);
        self.xs[0].clear();
        self.xs[0].extend_from_slice(xs);
        for k in 0..self.nets.len() {
            let b = changed(k);
            self.column.clear();
            self.column
                .extend(self.xs[k].chunks_exact(2).map(|p| p[1 - b]));
            self.cond[k].resize(2 * n, 0.0);
            self.nets[k].forward_rows(&mut self.ws[k], &self.column, &mut self.cond[k])?;
            let (done, next) = self.xs.split_at_mut(k + 1);
            next[0].resize(2 * n, 0.0);
            layer::forward(
                b,
                bound,
                &done[k],
                &self.cond[k],
                &mut next[0],
                &mut self.log_det,
            );
        }
        Ok(n)
    }

    /// z = f(x) in place, and ln|det df/dx| = Σ_k s_k of every point into `log_det` (n values).
    pub fn to_base(&mut self, xs: &mut [f64], log_det: &mut [f64]) -> Result<(), String> {
        let n = self.record(xs)?;
        if log_det.len() != n {
            return Err(format!(
                "{n} points need {n} log-determinants, got {}",
                log_det.len()
            ));
        }
        xs.copy_from_slice(&self.xs[self.nets.len()]);
        log_det.copy_from_slice(&self.log_det);
        Ok(())
    }

    /// log p(x) = log N(f(x)) + ln|det df/dx| of every point of `xs` into `out` (n values).
    pub fn log_density(&mut self, xs: &[f64], out: &mut [f64]) -> Result<(), String> {
        let n = self.record(xs)?;
        if out.len() != n {
            return Err(format!("{n} points need {n} outputs, got {}", out.len()));
        }
        let z = self.xs[self.nets.len()].chunks_exact(2);
        for ((o, z), ld) in out.iter_mut().zip(z).zip(&self.log_det) {
            *o = standard_normal_log_density(z) + ld;
        }
        Ok(())
    }

    /// The mean negative log-likelihood L of the batch `xs`, returned as its two [`LikelihoodTerms`]
    /// (L = -(base + log_det)), and its gradient: `grads[k]` receives dL/dθ_k of layer k's
    /// conditioner (`nets()[k].n_params()` values).
    pub fn nll_and_gradient(
        &mut self,
        xs: &[f64],
        grads: &mut [Vec<f64>],
    ) -> Result<LikelihoodTerms, String> {
        let shapes_ok = grads.len() == self.nets.len()
            && grads
                .iter()
                .zip(&self.nets)
                .all(|(g, net)| g.len() == net.n_params());
        if !shapes_ok {
            return Err(
                "coupling flow: one gradient buffer per layer, sized like its network".into(),
            );
        }
        let n = self.record(xs)?;
        let inv_n = 1.0 / n as f64;
        let Self {
            config,
            nets,
            ws,
            xs,
            cond,
            g_column,
            log_det,
            g,
            g_cond,
            ..
        } = self;
        let z = &xs[nets.len()];
        let terms = LikelihoodTerms::mean_of(z, log_det);
        g.clear();
        g.extend(z.iter().map(|z| z * inv_n));
        g_cond.resize(2 * n, 0.0);
        g_column.resize(n, 0.0);
        for k in (0..nets.len()).rev() {
            let b = changed(k);
            layer::backward(b, config.scale_bound, &xs[k], &cond[k], -inv_n, g, g_cond);
            nets[k].backward_rows(&mut ws[k], g_cond, &mut grads[k], g_column)?;
            for (p, gc) in g.chunks_exact_mut(2).zip(g_column.iter()) {
                p[1 - b] += gc;
            }
        }
        Ok(terms)
    }
}
