//! The variance-preserving diffusion path (Song et al. 2021; Lipman et al. 2022, section 4.1).
//!
//! In diffusion time s (s = 0 data, s = 1 noise) the VP SDE dx = -beta(s)/2 x ds + sqrt(beta(s)) dW
//! has beta(s) = beta_min + s (beta_max - beta_min), T(s) = ∫_0^s beta = beta_min s +
//! (beta_max - beta_min) s^2 / 2, and x_s | x1 ~ N(alpha_s x1, sigma_s^2 I) with
//! alpha_s = exp(-T(s)/2), sigma_s = sqrt(1 - alpha_s^2). In flow time t = 1 - s:
//! a(t) = alpha_{1-t}, s(t) = sigma_{1-t}, a' = alpha beta / 2, s' = -alpha^2 beta / (2 sigma).
//! s' diverges like 1/sqrt(1 - t) as t -> 1, so flow time is clamped to [0, 1 - t_eps].
//! At t = 0, a = alpha_1 = exp(-(beta_min + beta_max)/4) (0.0066 for 0.1, 20): nearly pure noise.

use super::Coefficients;

/// The VP path with a linear noise schedule beta.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Vp {
    beta_min: f64,
    beta_max: f64,
    t_eps: f64,
}

impl Vp {
    /// Song et al.'s defaults: beta_min = 0.1, beta_max = 20, and t_eps = 1e-5.
    pub fn standard() -> Self {
        Self {
            beta_min: 0.1,
            beta_max: 20.0,
            t_eps: 1e-5,
        }
    }

    /// Validates 0 < beta_min <= beta_max <= 1000 and t_eps in (0, 0.5].
    pub fn new(beta_min: f64, beta_max: f64, t_eps: f64) -> Result<Self, String> {
        if !(beta_min > 0.0 && beta_min <= beta_max && beta_max <= 1000.0) {
            return Err(format!(
                "VP path: need 0 < beta_min <= beta_max <= 1000, got {beta_min}, {beta_max}"
            ));
        }
        if !(t_eps > 0.0 && t_eps <= 0.5) {
            return Err(format!("VP path: t_eps must be in (0, 0.5], got {t_eps}"));
        }
        Ok(Self {
            beta_min,
            beta_max,
            t_eps,
        })
    }

    /// (beta_min, beta_max, t_eps) as given to [`Vp::new`], e.g. to save the path.
    pub fn parameters(&self) -> (f64, f64, f64) {
        (self.beta_min, self.beta_max, self.t_eps)
    }

    /// Largest flow time used: 1 - t_eps.
    pub fn t_max(&self) -> f64 {
        1.0 - self.t_eps
    }

    /// Noise rate beta(s) in diffusion time s.
    pub fn beta(&self, s: f64) -> f64 {
        self.beta_min + s * (self.beta_max - self.beta_min)
    }

    /// Integrated rate T(s) = ∫_0^s beta(r) dr.
    pub fn integrated_beta(&self, s: f64) -> f64 {
        s * (self.beta_min + 0.5 * s * (self.beta_max - self.beta_min))
    }

    /// Signal scale alpha_s = exp(-T(s)/2) in diffusion time s.
    pub fn alpha(&self, s: f64) -> f64 {
        (-0.5 * self.integrated_beta(s)).exp()
    }

    /// Noise scale sigma_s = sqrt(1 - alpha_s^2), computed as sqrt(-expm1(-T)) to stay accurate
    /// near s = 0.
    pub fn sigma(&self, s: f64) -> f64 {
        (-(-self.integrated_beta(s)).exp_m1()).sqrt()
    }

    /// Flow-time coefficients a = alpha_{1-t}, s = sigma_{1-t} and their t-derivatives, with t
    /// clamped to [0, 1 - t_eps].
    pub fn coefficients(&self, t: f64) -> Coefficients {
        let s = 1.0 - t.clamp(0.0, self.t_max());
        let (alpha, sigma, beta) = (self.alpha(s), self.sigma(s), self.beta(s));
        Coefficients {
            a: alpha,
            s: sigma,
            da: 0.5 * alpha * beta,
            ds: -0.5 * alpha * alpha * beta / sigma,
        }
    }
}
