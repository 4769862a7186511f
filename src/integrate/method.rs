//! The choice of integration method and its validated settings.

use super::IntegrateError;

/// Largest accepted number of fixed steps.
pub const MAX_FIXED_STEPS: usize = 100_000;
/// Largest accepted step budget of the adaptive method.
pub const MAX_ADAPTIVE_STEPS: usize = 10_000_000;

/// Settings of the adaptive Dormand-Prince 5(4) method.
///
/// A step is accepted when the RMS over components of err_i / (atol + rtol max(|y_i|, |y_i'|))
/// is at most 1. `max_steps` bounds accepted plus rejected steps over one call.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DopriConfig {
    pub rtol: f64,
    pub atol: f64,
    /// Smallest allowed |h| (except a final step cut short to land on an output time).
    pub h_min: f64,
    /// Largest allowed |h|; may be infinite.
    pub h_max: f64,
    pub max_steps: usize,
}

impl Default for DopriConfig {
    fn default() -> Self {
        Self {
            rtol: 1e-6,
            atol: 1e-8,
            h_min: 0.0,
            h_max: f64::INFINITY,
            max_steps: 100_000,
        }
    }
}

/// An integration method. Fixed-step methods take `steps` equal steps over [t0, t1].
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Method {
    /// y' = y + h f(t, y): order 1, 1 evaluation a step.
    Euler { steps: usize },
    /// y' = y + h f(t + h/2, y + h/2 f(t, y)): order 2, 2 evaluations a step.
    Midpoint { steps: usize },
    /// Classical Runge-Kutta: order 4, 4 evaluations a step.
    Rk4 { steps: usize },
    /// Dormand-Prince 5(4) with error control: order 5, 6 evaluations a step (FSAL).
    Dopri5(DopriConfig),
}

impl Method {
    /// Checks the settings; every solver constructor calls this.
    pub fn validate(&self) -> Result<(), IntegrateError> {
        match *self {
            Method::Euler { steps } | Method::Midpoint { steps } | Method::Rk4 { steps } => {
                if steps == 0 || steps > MAX_FIXED_STEPS {
                    return Err(IntegrateError::InvalidSteps(steps));
                }
            }
            Method::Dopri5(c) => {
                let tol_ok = |x: f64| x.is_finite() && x > 0.0;
                if !tol_ok(c.rtol) || !tol_ok(c.atol) {
                    return Err(IntegrateError::InvalidTolerance {
                        rtol: c.rtol,
                        atol: c.atol,
                    });
                }
                // NaN fails every comparison below, so it is refused too.
                let bounds_ok =
                    c.h_min.is_finite() && c.h_min >= 0.0 && c.h_max > 0.0 && c.h_max >= c.h_min;
                if !bounds_ok {
                    return Err(IntegrateError::InvalidStepBounds {
                        h_min: c.h_min,
                        h_max: c.h_max,
                    });
                }
                if c.max_steps == 0 || c.max_steps > MAX_ADAPTIVE_STEPS {
                    return Err(IntegrateError::InvalidMaxSteps(c.max_steps));
                }
            }
        }
        Ok(())
    }
}
