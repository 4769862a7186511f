//! Fixed invertible maps of the line, pushing the base N(0, 1) forward.

use super::gamma_map::GaussianToGamma;

/// An invertible map φ: R -> R (or onto an interval) with closed-form inverse and derivative.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Map1 {
    /// y = scale x + shift: N(0, 1) becomes N(shift, scale²); ln|φ'| = ln|scale|.
    Affine { scale: f64, shift: f64 },
    /// y = F_Γ^{-1}(Φ(x)): N(0, 1) becomes Gamma(k, θ).
    Gamma(GaussianToGamma),
}

impl Map1 {
    /// The affine map; needs finite shift and finite nonzero scale.
    pub fn affine(scale: f64, shift: f64) -> Result<Self, String> {
        if !(scale.is_finite() && scale != 0.0 && shift.is_finite()) {
            return Err(format!(
                "affine map needs a finite nonzero scale and a finite shift, got {scale}, {shift}"
            ));
        }
        Ok(Map1::Affine { scale, shift })
    }

    /// The Gaussian-to-Gamma map with shape k and scale θ.
    pub fn gamma(shape: f64, scale: f64) -> Result<Self, String> {
        GaussianToGamma::new(shape, scale).map(Map1::Gamma)
    }

    /// y = φ(x).
    pub fn forward(&self, x: f64) -> f64 {
        match self {
            Map1::Affine { scale, shift } => scale * x + shift,
            Map1::Gamma(g) => g.forward(x),
        }
    }

    /// x = φ^{-1}(y), or None when y is not in the image of φ.
    pub fn inverse(&self, y: f64) -> Option<f64> {
        match self {
            Map1::Affine { scale, shift } => Some((y - shift) / scale),
            Map1::Gamma(g) => g.inverse(y),
        }
    }

    /// ln|φ'(x)|.
    pub fn log_abs_derivative(&self, x: f64) -> f64 {
        match self {
            Map1::Affine { scale, .. } => scale.abs().ln(),
            Map1::Gamma(g) => g.log_abs_derivative(x),
        }
    }
}
