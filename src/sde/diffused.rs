//! A Gaussian mixture carried along the VP diffusion, in flow time (t = 0 noise, t = 1 data).
//!
//! With diffusion time s = 1 - t, the forward SDE dx = -β(s)/2 x ds + √β(s) dW keeps a mixture a
//! mixture: p_t = Σ_k π_k N(α μ_k, (α² v_k + σ²) I) with α, σ of [`Vp`] at s. Its two samplers in flow time:
//! - probability-flow ODE: dx/dt = β/2 (x + ∇ log p_t(x)), whose Jacobian is β/2 (I + ∇² log p_t);
//! - reverse-time SDE: dx = β (x/2 + ∇ log p_t(x)) dt + √β dW.
//!
//! Both carry p_0 to p_1 exactly; the ODE is the deterministic flow a CNF learns, the SDE adds noise
//! and corrects for it with twice the score. Flow time is clamped to [0, 1 - t_eps] like the path.

use super::mixture::{GaussianMixture, LocalScore};
use crate::field::VelocityField;
use crate::path::Vp;
use rand::Rng;

/// The data mixture and the noise schedule.
#[derive(Clone, Debug, PartialEq)]
pub struct DiffusedMixture {
    vp: Vp,
    data: GaussianMixture,
}

/// α, σ and β at one flow time.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Schedule {
    pub alpha: f64,
    pub sigma: f64,
    pub beta: f64,
}

impl DiffusedMixture {
    pub fn new(vp: Vp, data: GaussianMixture) -> Self {
        Self { vp, data }
    }

    /// 8gaussians under Song et al.'s schedule (β from 0.1 to 20).
    pub fn eight_gaussians() -> Self {
        Self::new(Vp::standard(), GaussianMixture::eight_gaussians())
    }

    pub fn vp(&self) -> &Vp {
        &self.vp
    }

    pub fn data(&self) -> &GaussianMixture {
        &self.data
    }

    /// Largest flow time, 1 - t_eps.
    pub fn t_max(&self) -> f64 {
        self.vp.t_max()
    }

    /// α, σ, β at flow time t (clamped to [0, t_max]).
    pub fn schedule(&self, t: f64) -> Schedule {
        let s = 1.0 - t.clamp(0.0, self.t_max());
        Schedule {
            alpha: self.vp.alpha(s),
            sigma: self.vp.sigma(s),
            beta: self.vp.beta(s),
        }
    }

    /// log p_t(x), ∇ log p_t(x) and ∇² log p_t(x).
    pub fn local(&self, t: f64, x: [f64; 2]) -> LocalScore {
        let Schedule { alpha, sigma, .. } = self.schedule(t);
        self.data.local(alpha, sigma, x)
    }

    /// Fills `out` (2n values) with exact samples of p_t.
    pub fn sample<R: Rng + ?Sized>(&self, t: f64, rng: &mut R, out: &mut [f64]) {
        let Schedule { alpha, sigma, .. } = self.schedule(t);
        for p in out.chunks_exact_mut(2) {
            p.copy_from_slice(&self.data.draw(alpha, sigma, rng));
        }
    }

    /// Drift β (x/2 + ∇ log p_t) of the reverse-time SDE at x, and the noise scale √β.
    pub fn reverse_sde(&self, t: f64, x: [f64; 2]) -> ([f64; 2], f64) {
        let Schedule { alpha, sigma, beta } = self.schedule(t);
        let score = self.data.local(alpha, sigma, x).score;
        let drift = [0, 1].map(|i| beta * (0.5 * x[i] + score[i]));
        (drift, beta.sqrt())
    }
}

impl VelocityField for DiffusedMixture {
    /// The probability-flow velocity β/2 (x + ∇ log p_t(x)).
    fn velocity(&mut self, t: f64, xs: &[f64], out: &mut [f64]) {
        let Schedule { alpha, sigma, beta } = self.schedule(t);
        for (x, v) in xs.chunks_exact(2).zip(out.chunks_exact_mut(2)) {
            let g = self.data.local(alpha, sigma, [x[0], x[1]]).score;
            v[0] = 0.5 * beta * (x[0] + g[0]);
            v[1] = 0.5 * beta * (x[1] + g[1]);
        }
    }

    fn velocity_and_jacobian(&mut self, t: f64, xs: &[f64], v: &mut [f64], jac: &mut [f64]) {
        let Schedule { alpha, sigma, beta } = self.schedule(t);
        let points = xs.chunks_exact(2).zip(v.chunks_exact_mut(2));
        for ((x, v), j) in points.zip(jac.chunks_exact_mut(4)) {
            let local = self.data.local(alpha, sigma, [x[0], x[1]]);
            let (g, h) = (local.score, local.hessian);
            v[0] = 0.5 * beta * (x[0] + g[0]);
            v[1] = 0.5 * beta * (x[1] + g[1]);
            j.copy_from_slice(&[
                0.5 * beta * (1.0 + h[0]),
                0.5 * beta * h[1],
                0.5 * beta * h[2],
                0.5 * beta * (1.0 + h[3]),
            ]);
        }
    }
}
