//! Fixed invertible maps of the line, pushing the base N(0, 1) forward.

use super::gamma_map::GaussianToGamma;

/// An invertible map φ: R -> R (or onto an interval) with closed-form inverse and derivative.
pub trait Map1 {
    /// y = φ(x).
    fn forward(&self, x: f64) -> f64;
    /// x = φ^{-1}(y), or None when y is not in the image of φ.
    fn inverse(&self, y: f64) -> Option<f64>;
    /// ln|φ'(x)|.
    fn log_abs_derivative(&self, x: f64) -> f64;
}

/// y = F_Γ^{-1}(Φ(x)): N(0, 1) becomes Gamma(k, θ).
impl Map1 for GaussianToGamma {
    fn forward(&self, x: f64) -> f64 {
        GaussianToGamma::forward(self, x)
    }

    fn inverse(&self, y: f64) -> Option<f64> {
        GaussianToGamma::inverse(self, y)
    }

    fn log_abs_derivative(&self, x: f64) -> f64 {
        GaussianToGamma::log_abs_derivative(self, x)
    }
}
