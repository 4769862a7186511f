//! Fixed-step Runge-Kutta methods at a budget of function evaluations (NFE), so that methods of
//! different orders can be compared at equal cost: Euler spends 1 evaluation a step, midpoint 2,
//! RK4 4 and Dormand-Prince's 5th-order weights 6 (its 7th stage only serves the error estimate
//! of the adaptive method, so fixed steps skip it).

use super::fixed::integrate_fixed;
use super::stages::Stages;
use super::tableau::{Tableau, DOPRI5, EULER, MIDPOINT, RK4};
use super::{IntegrateError, Ode, Stats};

/// DOPRI5 without its 7th stage: b_7 = 0, so fixed steps need only the first six.
const DOPRI5_FIXED: Tableau = Tableau {
    c: DOPRI5.c.split_at(6).0,
    a: DOPRI5.a.split_at(5).0,
    b: DOPRI5.b.split_at(6).0,
};

/// A fixed-step scheme of known order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    Euler,
    Midpoint,
    Rk4,
    Dopri5,
}

impl Scheme {
    pub const ALL: [Scheme; 4] = [Scheme::Euler, Scheme::Midpoint, Scheme::Rk4, Scheme::Dopri5];

    /// Global order of accuracy: the error at fixed end time falls like h^order.
    pub fn order(self) -> u32 {
        match self {
            Scheme::Euler => 1,
            Scheme::Midpoint => 2,
            Scheme::Rk4 => 4,
            Scheme::Dopri5 => 5,
        }
    }

    /// Function evaluations a step costs.
    pub fn evaluations_per_step(self) -> usize {
        match self {
            Scheme::Euler => 1,
            Scheme::Midpoint => 2,
            Scheme::Rk4 => 4,
            Scheme::Dopri5 => 6,
        }
    }

    /// The most steps `nfe` evaluations pay for (0 if not even one).
    pub fn steps_for(self, nfe: usize) -> usize {
        nfe / self.evaluations_per_step()
    }

    pub fn name(self) -> &'static str {
        match self {
            Scheme::Euler => "euler",
            Scheme::Midpoint => "midpoint",
            Scheme::Rk4 => "rk4",
            Scheme::Dopri5 => "dopri5",
        }
    }

    fn tableau(self) -> &'static Tableau {
        match self {
            Scheme::Euler => &EULER,
            Scheme::Midpoint => &MIDPOINT,
            Scheme::Rk4 => &RK4,
            Scheme::Dopri5 => &DOPRI5_FIXED,
        }
    }
}

/// Integrates `y` in place from t0 to t1 with as many equal steps of `scheme` as `nfe`
/// evaluations pay for; returns the evaluations the scheme spends (steps x evaluations a step).
/// An error if `nfe` pays for no step, or if the state ends non-finite.
pub fn integrate_with_budget<O: Ode + ?Sized>(
    scheme: Scheme,
    ode: &mut O,
    (t0, t1): (f64, f64),
    nfe: usize,
    y: &mut [f64],
) -> Result<usize, IntegrateError> {
    let steps = scheme.steps_for(nfe);
    if steps == 0 || steps > super::MAX_FIXED_STEPS {
        return Err(IntegrateError::InvalidSteps(steps));
    }
    if y.is_empty() {
        return Err(IntegrateError::EmptyState);
    }
    if !t0.is_finite() || !t1.is_finite() {
        return Err(IntegrateError::NonFiniteTime);
    }
    let tab = scheme.tableau();
    let mut stages = Stages::default();
    stages.prepare(tab.stages(), y.len());
    let mut stats = Stats::default();
    integrate_fixed(tab, &mut stages, ode, (t0, t1), steps, y, &mut stats);
    if y.iter().all(|v| v.is_finite()) {
        Ok(stats.evaluations)
    } else {
        Err(IntegrateError::NonFiniteState)
    }
}

/// The error |x_t - e^{tA} x_0| of `scheme` at each budget of `nfes` on the linear field
/// v = A x (row-major A), against its closed-form flow (nalgebra's matrix exponential); NaN for
/// a budget that pays for no step or a solution that overflows.
pub fn linear_errors(
    a: [f64; 4],
    x0: [f64; 2],
    t: f64,
    scheme: Scheme,
    nfes: &[usize],
) -> Vec<f64> {
    let exact = (nalgebra::Matrix2::new(a[0], a[1], a[2], a[3]) * t).exp()
        * nalgebra::Vector2::new(x0[0], x0[1]);
    let mut field = crate::field::analytic::Affine::linear(a);
    nfes.iter()
        .map(|&nfe| {
            let mut y = x0;
            let mut ode = super::augmented::PositionsOde::new(&mut field);
            match integrate_with_budget(scheme, &mut ode, (0.0, t), nfe, &mut y) {
                Ok(_) => (y[0] - exact[0]).hypot(y[1] - exact[1]),
                Err(_) => f64::NAN,
            }
        })
        .collect()
}
