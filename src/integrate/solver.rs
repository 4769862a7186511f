//! The solver: a method plus its reusable stage buffers, integrating to an end time or
//! recording a trajectory at requested times.

use super::adaptive::Dopri;
use super::fixed::integrate_fixed;
use super::stages::Stages;
use super::tableau::{Tableau, DOPRI5, EULER, MIDPOINT, RK4};
use super::{IntegrateError, Method, Ode};

/// Work done by one call.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Evaluations of the right-hand side f (for a batched flow ODE: field calls on the batch).
    pub evaluations: usize,
    pub accepted: usize,
    /// Steps refused by the error control (always 0 for fixed-step methods).
    pub rejected: usize,
}

/// An integrator owning its stage buffers (sized on first use, reused while the state length
/// stays the same).
pub struct Solver {
    method: Method,
    pub(super) stages: Stages,
}

impl Solver {
    /// A solver for a validated method.
    pub fn new(method: Method) -> Result<Self, IntegrateError> {
        method.validate()?;
        Ok(Self {
            method,
            stages: Stages::default(),
        })
    }

    pub fn method(&self) -> Method {
        self.method
    }

    /// Integrates `y` in place from t0 to t1 (t1 < t0 integrates backwards). Fixed-step methods
    /// take exactly `steps` equal steps.
    pub fn integrate<O: Ode + ?Sized>(
        &mut self,
        ode: &mut O,
        t0: f64,
        t1: f64,
        y: &mut [f64],
    ) -> Result<Stats, IntegrateError> {
        self.run(ode, t0, y, &[t1], None)
    }

    /// Integrates `y` from t0 through `times` (monotone, all on one side of t0), writing the state
    /// at times[k] into row k of `out` (`times.len() x y.len()`, row-major). `y` ends at the last time.
    ///
    /// Fixed-step methods use the nominal step h = |t_last - t0| / steps and split each interval
    /// between output times into ceil(length / h) equal steps, so uniformly spaced times whose
    /// interval count divides `steps` reproduce [`Solver::integrate`]. DOPRI5 steps
    /// exactly onto every output time (no interpolation), carrying its step size and FSAL stage
    /// across the intervals.
    pub fn trajectory<O: Ode + ?Sized>(
        &mut self,
        ode: &mut O,
        t0: f64,
        y: &mut [f64],
        times: &[f64],
        out: &mut [f64],
    ) -> Result<Stats, IntegrateError> {
        let expected = times.len().saturating_mul(y.len());
        if out.len() != expected {
            return Err(IntegrateError::LengthMismatch {
                what: "trajectory buffer",
                expected,
                got: out.len(),
            });
        }
        self.run(ode, t0, y, times, Some(out))
    }

    fn run<O: Ode + ?Sized>(
        &mut self,
        ode: &mut O,
        t0: f64,
        y: &mut [f64],
        times: &[f64],
        mut out: Option<&mut [f64]>,
    ) -> Result<Stats, IntegrateError> {
        let n = y.len();
        if n == 0 {
            return Err(IntegrateError::EmptyState);
        }
        let t_end = check_times(t0, times)?;
        let (tab, steps) = self.tableau();
        self.stages.prepare(tab.stages(), n);
        let h_nominal = (t_end - t0).abs() / steps as f64;
        let mut stats = Stats::default();
        let mut dopri = Dopri::default();
        let mut t = t0;
        for (k, &t_next) in times.iter().enumerate() {
            if t_next != t {
                match self.method {
                    Method::Dopri5(cfg) => {
                        dopri.integrate(&cfg, &mut self.stages, ode, (t, t_next), y, &mut stats)?
                    }
                    _ => {
                        // A segment is part of the whole span, so it never needs more than
                        // `steps` steps; the cap also guards a span so short that h underflows.
                        let seg_steps = ((t_next - t).abs() / h_nominal * (1.0 - 1e-12))
                            .ceil()
                            .clamp(1.0, steps as f64)
                            as usize;
                        integrate_fixed(
                            tab,
                            &mut self.stages,
                            ode,
                            (t, t_next),
                            seg_steps,
                            y,
                            &mut stats,
                        );
                    }
                }
                t = t_next;
            }
            if let Some(out) = out.as_deref_mut() {
                out[k * n..(k + 1) * n].copy_from_slice(y);
            }
        }
        if y.iter().all(|v| v.is_finite()) {
            Ok(stats)
        } else {
            Err(IntegrateError::NonFiniteState)
        }
    }

    /// The method's tableau and its number of fixed steps (1 for DOPRI5, where it is unused).
    pub(super) fn tableau(&self) -> (&'static Tableau, usize) {
        match self.method {
            Method::Euler { steps } => (&EULER, steps),
            Method::Midpoint { steps } => (&MIDPOINT, steps),
            Method::Rk4 { steps } => (&RK4, steps),
            Method::Dopri5(_) => (&DOPRI5, 1),
        }
    }
}

/// Checks that t0 and `times` are finite and run monotonically away from t0; returns the last time.
fn check_times(t0: f64, times: &[f64]) -> Result<f64, IntegrateError> {
    if !t0.is_finite() || times.iter().any(|t| !t.is_finite()) {
        return Err(IntegrateError::NonFiniteTime);
    }
    let t_end = times.last().copied().unwrap_or(t0);
    let dir = if t_end >= t0 { 1.0 } else { -1.0 };
    let mut prev = t0;
    for &t in times {
        if (t - prev) * dir < 0.0 {
            return Err(IntegrateError::UnorderedTimes);
        }
        prev = t;
    }
    Ok(t_end)
}
