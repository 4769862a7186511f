//! Dense output: the state of a fixed-step integration at any times, without stepping onto them.
//!
//! Between two steps (t_n, y_n) and (t_n + h, y_{n+1}) the state is read off the cubic Hermite
//! interpolant of y and f = dy/dt at both ends, with θ = (t - t_n)/h:
//!
//! y(t) ≈ (1 + 2θ)(1 - θ)² y_n + θ(1 - θ)² h f_n + θ²(3 - 2θ) y_{n+1} - θ²(1 - θ) h f_{n+1},
//!
//! whose own error is O(h⁴) (Hairer, Nørsett & Wanner, Solving ODEs I, §II.6): for RK4 that is the
//! order of the steps themselves. f_n is the first stage of step n, so the interpolant costs one
//! evaluation of f in all, at the end of the last step.

use super::stages::axpy;
use super::{IntegrateError, Method, Ode, Solver, Stats};

impl Solver {
    /// Integrates `y` from t0 to t1 in the method's equal fixed steps and writes the state at each
    /// of `times` (ascending in [t0, t1], t0 < t1) into row k of `out` (`times.len() × y.len()`).
    /// `y` ends at t1. Errors: an adaptive method, bad times, a mismatched buffer, an empty or
    /// non-finite state.
    pub fn dense<O: Ode + ?Sized>(
        &mut self,
        ode: &mut O,
        (t0, t1): (f64, f64),
        y: &mut [f64],
        times: &[f64],
        out: &mut [f64],
    ) -> Result<Stats, IntegrateError> {
        let n = y.len();
        let (tab, steps) = match self.method() {
            Method::Dopri5(_) => {
                return Err(IntegrateError::InvalidArgument(
                    "dense output needs a fixed-step method (euler, midpoint or rk4)",
                ))
            }
            _ => self.tableau(),
        };
        if n == 0 {
            return Err(IntegrateError::EmptyState);
        }
        if !(t0.is_finite() && t1.is_finite() && t0 < t1) || times.iter().any(|t| !t.is_finite()) {
            return Err(IntegrateError::NonFiniteTime);
        }
        if times.windows(2).any(|w| w[0] > w[1]) || times.iter().any(|&t| t < t0 || t > t1) {
            return Err(IntegrateError::UnorderedTimes);
        }
        if out.len() != times.len().saturating_mul(n) {
            return Err(IntegrateError::LengthMismatch {
                what: "dense output buffer",
                expected: times.len().saturating_mul(n),
                got: out.len(),
            });
        }
        self.stages.prepare(tab.stages(), n);
        let h = (t1 - t0) / steps as f64;
        let (mut y_prev, mut f_prev) = (vec![0.0; n], vec![0.0; n]);
        let mut next = 0;
        ode.derivative(t0, y, &mut self.stages.k[0]);
        for i in 0..steps {
            let t = t0 + i as f64 * h;
            y_prev.copy_from_slice(y);
            f_prev.copy_from_slice(&self.stages.k[0]);
            self.stages.evaluate(tab, ode, t, h, y);
            self.stages.advance(tab, h, y);
            let t_end = if i + 1 == steps { t1 } else { t + h };
            // f at the end of this step: the first stage of the next.
            ode.derivative(t_end, y, &mut self.stages.k[0]);
            while next < times.len() && (times[next] <= t_end || i + 1 == steps) {
                let theta = ((times[next] - t) / h).clamp(0.0, 1.0);
                let row = &mut out[next * n..(next + 1) * n];
                hermite(theta, h, (&y_prev, &f_prev), (y, &self.stages.k[0]), row);
                next += 1;
            }
        }
        if !y.iter().chain(out.iter()).all(|v| v.is_finite()) {
            return Err(IntegrateError::NonFiniteState);
        }
        Ok(Stats {
            evaluations: steps * tab.stages() + 1,
            accepted: steps,
            rejected: 0,
        })
    }
}

/// Writes the cubic Hermite interpolant at θ ∈ [0, 1] of (y0, f0) and (y1, f1) a step h apart.
fn hermite(
    theta: f64,
    h: f64,
    (y0, f0): (&[f64], &[f64]),
    (y1, f1): (&[f64], &[f64]),
    out: &mut [f64],
) {
    let (s, s2) = (1.0 - theta, theta * theta);
    let weights = [
        (1.0 + 2.0 * theta) * s * s,
        theta * s * s * h,
        s2 * (3.0 - 2.0 * theta),
        -s2 * s * h,
    ];
    out.fill(0.0);
    for (w, v) in weights.into_iter().zip([y0, f0, y1, f1]) {
        axpy(w, v, out);
    }
}
