//! The notes' example: turning a Gaussian into a Gamma distribution with one fixed map.
//!
//! If X ~ N(0, 1) then U = Φ(X) is uniform on (0, 1), and Y = θ P^{-1}(k, U) has the Gamma(k, θ)
//! distribution (shape k, scale θ; mean kθ, variance kθ²). So φ = F_Γ^{-1} ∘ Φ pushes N(0, 1) to
//! Gamma(k, θ), with inverse φ^{-1}(y) = Φ^{-1}(P(k, y/θ)) and derivative
//! φ'(x) = φ_N(x) / f_Γ(φ(x)) (chain rule through two CDFs), so p_1(y) = p_0(x)/φ'(x) = f_Γ(y).
//! For x > 0 both CDFs are evaluated by their upper tails (Φ(-x) and Q), so the far right tail keeps
//! its relative precision.

use super::incomplete_gamma::{inverse_gamma_p, inverse_gamma_q, regularized_gamma};
use super::normal_cdf::{normal_cdf, normal_log_pdf, normal_quantile};

/// The map N(0, 1) -> Gamma(shape, scale).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GaussianToGamma {
    shape: f64,
    scale: f64,
}

impl GaussianToGamma {
    /// Needs 0.05 <= shape <= 1e4 and 0 < scale <= 1e6, both finite.
    pub fn new(shape: f64, scale: f64) -> Result<Self, String> {
        if !(0.05..=1e4).contains(&shape) {
            return Err(format!("Gamma shape must be in [0.05, 1e4], got {shape}"));
        }
        if !(scale > 0.0 && scale <= 1e6) {
            return Err(format!("Gamma scale must be in (0, 1e6], got {scale}"));
        }
        Ok(Self { shape, scale })
    }

    pub fn shape(&self) -> f64 {
        self.shape
    }

    pub fn scale(&self) -> f64 {
        self.scale
    }

    /// Mean kθ and variance kθ² of the target.
    pub fn moments(&self) -> (f64, f64) {
        (
            self.shape * self.scale,
            self.shape * self.scale * self.scale,
        )
    }

    /// log f_Γ(y) = (k - 1) ln y - y/θ - ln Γ(k) - k ln θ for y > 0, -inf for y <= 0.
    pub fn gamma_log_pdf(&self, y: f64) -> f64 {
        if y <= 0.0 {
            return f64::NEG_INFINITY;
        }
        let (k, th) = (self.shape, self.scale);
        (k - 1.0) * y.ln() - y / th - libm::lgamma(k) - k * th.ln()
    }

    /// y = φ(x). Beyond |x| ≈ 38, Φ(-|x|) underflows and y is 0 or +inf.
    pub fn forward(&self, x: f64) -> f64 {
        let z = if x <= 0.0 {
            inverse_gamma_p(self.shape, normal_cdf(x))
        } else {
            inverse_gamma_q(self.shape, normal_cdf(-x))
        };
        self.scale * z
    }

    /// x = φ^{-1}(y), or None for y outside the support (0, ∞).
    pub fn inverse(&self, y: f64) -> Option<f64> {
        if !(y > 0.0 && y.is_finite()) {
            return None;
        }
        let (p, q) = regularized_gamma(self.shape, y / self.scale);
        Some(if p <= 0.5 {
            normal_quantile(p)
        } else {
            -normal_quantile(q)
        })
    }

    /// ln φ'(x) = ln φ_N(x) - ln f_Γ(φ(x)).
    pub fn log_abs_derivative(&self, x: f64) -> f64 {
        normal_log_pdf(x) - self.gamma_log_pdf(self.forward(x))
    }
}
