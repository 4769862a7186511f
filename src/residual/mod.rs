//! The residual flow: a discrete chain of small coordinate changes, the bridge from normalizing flows
//! to continuous ones.
//!
//! With K steps of size h = 1/K on a field u, x_{k+1} = x_k + h u(x_k, t_k), t_k = k h. Each step is
//! the map g_k(x) = x + h u(x, t_k) with Jacobian I + h du/dx, so
//! log p_K(x_K) = log p_0(x_0) - Σ_k log|det(I + h du/dx(x_k, t_k))|.
//! This is forward Euler on dx/dt = u, so x_K converges to the ODE solution φ_1(x_0) with error O(1/K),
//! and log det(I + hJ) = h tr J + O(h²) turns the sum into ∫_0^1 div u dt (the continuous change of
//! variables).
//!
//! Invertibility (Behrmann et al. 2019, i-ResNet): if h · Lip(u(·, t)) < 1, each g_k is a bijection
//! (its inverse is the fixed point of y ↦ x - h u(y), a contraction) and det(I + hJ) > 0. Without that
//! bound a step may fold the plane (det(I + hJ) <= 0): [`ResidualFlow::push`] still moves such points,
//! gives them no density (NaN) and counts them.

pub mod convergence;
pub mod request;
#[cfg(test)]
mod tests;

pub use convergence::{convergence, Convergence, Level};

use crate::field::VelocityField;

/// Largest accepted number of residual steps.
pub const MAX_STEPS: usize = 100_000;

/// log|det(I + h J)| of one point's row-major 2x2 Jacobian J, or None when det(I + hJ) <= 0 (the
/// step is not an orientation-preserving bijection there).
pub fn step_log_det(h: f64, jac: &[f64]) -> Option<f64> {
    let det = (1.0 + h * jac[0]) * (1.0 + h * jac[3]) - h * h * jac[1] * jac[2];
    (det > 0.0).then(|| det.ln())
}

/// K residual steps, with reusable buffers for the field's values and Jacobians.
#[derive(Clone, Debug)]
pub struct ResidualFlow {
    steps: usize,
    v: Vec<f64>,
    jac: Vec<f64>,
}

impl ResidualFlow {
    /// Needs 1 <= steps <= [`MAX_STEPS`].
    pub fn new(steps: usize) -> Result<Self, String> {
        if steps == 0 || steps > MAX_STEPS {
            return Err(format!(
                "residual flow: steps must be in 1..={MAX_STEPS}, got {steps}"
            ));
        }
        Ok(Self {
            steps,
            v: Vec::new(),
            jac: Vec::new(),
        })
    }

    pub fn steps(&self) -> usize {
        self.steps
    }

    /// Moves the interleaved points `xs` (2n values) through all K steps in place and writes each
    /// point's Σ_k log|det(I + h du/dx)| into `log_det` (n values). A point at which some step folds
    /// the plane (det <= 0) has no density: its log-determinant is NaN. Returns how many folded.
    pub fn push<F: VelocityField + ?Sized>(
        &mut self,
        field: &mut F,
        xs: &mut [f64],
        log_det: &mut [f64],
    ) -> Result<usize, String> {
        if !xs.len().is_multiple_of(2) || log_det.len() != xs.len() / 2 {
            return Err(format!(
                "residual flow: {} coordinates need {} log-determinants, got {}",
                xs.len(),
                xs.len() / 2,
                log_det.len()
            ));
        }
        self.v.resize(xs.len(), 0.0);
        self.jac.resize(2 * xs.len(), 0.0);
        log_det.fill(0.0);
        let h = 1.0 / self.steps as f64;
        for k in 0..self.steps {
            field.velocity_and_jacobian(k as f64 * h, xs, &mut self.v, &mut self.jac);
            for (ld, j) in log_det.iter_mut().zip(self.jac.chunks_exact(4)) {
                *ld += step_log_det(h, j).unwrap_or(f64::NAN);
            }
            for (x, v) in xs.iter_mut().zip(&self.v) {
                *x += h * v;
            }
        }
        if xs.iter().all(|x| x.is_finite()) {
            Ok(log_det.iter().filter(|l| l.is_nan()).count())
        } else {
            Err("residual flow: positions became non-finite".into())
        }
    }
}
