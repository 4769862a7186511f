//! A Gaussian mixture on the linear path x_t = t x1 + (1 - t) x0, x0 ~ N(0, I): the marginals, the
//! marginal velocity u_t of flow matching and its Jacobian, all closed forms.
//!
//! Given the component k (weight π_k, mean μ_k, variance v_k), x_t ~ N(t μ_k, V_k I) with
//! V_k = t² v_k + (1 - t)², so p_t is again a mixture ([`GaussianMixture::local`] with α = t,
//! σ = 1 - t). The velocity is [`mixture_velocity`]: u = Σ_k r_k w_k with responsibilities r_k and
//! w_k = μ_k + g_k (x - t μ_k), g_k = (t v_k - (1 - t)) / V_k. Since ∇ r_k = r_k (e_k - ē) with
//! e_k = -(x - t μ_k)/V_k and ē = Σ_k r_k e_k, its Jacobian is
//!   ∂u_i/∂x_j = Σ_k r_k [g_k δ_ij + w_k,i (e_k,j - ē_j)].

use super::mixture::{GaussianMixture, LocalScore};
use crate::field::VelocityField;
use crate::path::marginal::mixture_velocity;
use crate::path::{Linear, Path};
use rand::Rng;

/// The mixture `data` reached at t = 1 by the straight path from N(0, I) (sigma_min = 0).
#[derive(Clone, Debug, PartialEq)]
pub struct LinearMixture {
    data: GaussianMixture,
}

/// Mean and covariance [var x, cov xy, var y] of a distribution in the plane.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Moments {
    pub mean: [f64; 2],
    pub cov: [f64; 3],
}

impl LinearMixture {
    pub fn new(data: GaussianMixture) -> Self {
        Self { data }
    }

    /// FFJORD's 8 Gaussians at t = 1.
    pub fn eight_gaussians() -> Self {
        Self::new(GaussianMixture::eight_gaussians())
    }

    pub fn data(&self) -> &GaussianMixture {
        &self.data
    }

    fn path() -> Path {
        Path::Linear(Linear::new(0.0).expect("sigma_min = 0 is valid"))
    }

    /// u_t(x) = E[x1 - x0 | x_t = x], t clamped to [0, 1].
    pub fn velocity_at(&self, t: f64, x: [f64; 2]) -> [f64; 2] {
        mixture_velocity(&Self::path(), &self.data, t, x)
    }

    /// log p_t(x), ∇ log p_t(x), ∇² log p_t(x) from the mixture's closed form, t clamped to [0, 1].
    pub fn local(&self, t: f64, x: [f64; 2]) -> LocalScore {
        let t = t.clamp(0.0, 1.0);
        self.data.local(t, 1.0 - t, x)
    }

    /// Fills `out` (2n values) with exact samples of p_t.
    pub fn sample<R: Rng + ?Sized>(&self, t: f64, rng: &mut R, out: &mut [f64]) {
        let t = t.clamp(0.0, 1.0);
        for p in out.chunks_exact_mut(2) {
            p.copy_from_slice(&self.data.draw(t, 1.0 - t, rng));
        }
    }

    /// The exact mean and covariance of p_t: m = t Σ π_k μ_k and
    /// C = Σ π_k [V_k I + t² μ_k μ_kᵀ] - m mᵀ (law of total covariance).
    pub fn moments(&self, t: f64) -> Moments {
        let t = t.clamp(0.0, 1.0);
        let (mut m, mut second) = ([0.0; 2], [0.0; 3]);
        let d = &self.data;
        for ((&w, mu), &v) in d.weights().iter().zip(d.means()).zip(d.variances()) {
            let big_v = t * t * v + (1.0 - t) * (1.0 - t);
            let c = [t * mu[0], t * mu[1]];
            m[0] += w * c[0];
            m[1] += w * c[1];
            second[0] += w * (big_v + c[0] * c[0]);
            second[1] += w * c[0] * c[1];
            second[2] += w * (big_v + c[1] * c[1]);
        }
        Moments {
            mean: m,
            cov: [
                second[0] - m[0] * m[0],
                second[1] - m[0] * m[1],
                second[2] - m[1] * m[1],
            ],
        }
    }

    /// u_t(x) and its row-major Jacobian (formula in the module doc).
    fn velocity_and_jacobian_at(&self, t: f64, x: [f64; 2]) -> ([f64; 2], [f64; 4]) {
        let t = t.clamp(0.0, 1.0);
        let d = &self.data;
        let mut terms = Vec::with_capacity(d.weights().len());
        for ((&w, mu), &v) in d.weights().iter().zip(d.means()).zip(d.variances()) {
            let big_v = t * t * v + (1.0 - t) * (1.0 - t);
            let dx = [x[0] - t * mu[0], x[1] - t * mu[1]];
            let log_r = w.ln() - big_v.ln() - (dx[0] * dx[0] + dx[1] * dx[1]) / (2.0 * big_v);
            let g = (t * v - (1.0 - t)) / big_v;
            let wk = [mu[0] + g * dx[0], mu[1] + g * dx[1]];
            terms.push((log_r, g, wk, [-dx[0] / big_v, -dx[1] / big_v]));
        }
        let max = terms.iter().map(|t| t.0).fold(f64::NEG_INFINITY, f64::max);
        let (mut total, mut g_bar, mut u, mut e_bar, mut we) =
            (0.0, 0.0, [0.0; 2], [0.0; 2], [0.0; 4]);
        for &(log_r, g, wk, ek) in &terms {
            let r = (log_r - max).exp();
            total += r;
            g_bar += r * g;
            for i in 0..2 {
                u[i] += r * wk[i];
                e_bar[i] += r * ek[i];
                for j in 0..2 {
                    we[2 * i + j] += r * wk[i] * ek[j];
                }
            }
        }
        let (u, e_bar, g_bar) = (
            u.map(|v| v / total),
            e_bar.map(|v| v / total),
            g_bar / total,
        );
        let mut jac = [0.0; 4];
        for i in 0..2 {
            for j in 0..2 {
                let diagonal = if i == j { g_bar } else { 0.0 };
                jac[2 * i + j] = diagonal + we[2 * i + j] / total - u[i] * e_bar[j];
            }
        }
        (u, jac)
    }
}

impl VelocityField for LinearMixture {
    fn velocity(&mut self, t: f64, xs: &[f64], out: &mut [f64]) {
        for (x, v) in xs.chunks_exact(2).zip(out.chunks_exact_mut(2)) {
            v.copy_from_slice(&self.velocity_at(t, [x[0], x[1]]));
        }
    }

    fn velocity_and_jacobian(&mut self, t: f64, xs: &[f64], v: &mut [f64], jac: &mut [f64]) {
        let points = xs.chunks_exact(2).zip(v.chunks_exact_mut(2));
        for ((x, v), j) in points.zip(jac.chunks_exact_mut(4)) {
            let (u, jacobian) = self.velocity_and_jacobian_at(t, [x[0], x[1]]);
            v.copy_from_slice(&u);
            j.copy_from_slice(&jacobian);
        }
    }
}
