//! DOPRI5 error control: accuracy follows the tolerance, work shrinks as it loosens, counts are
//! honest, and budgets are enforced.

use super::fields::ExpSin;
use crate::integrate::{DopriConfig, IntegrateError, Method, Ode, Solver};

/// Counts calls of the wrapped ODE, independently of the solver's stats.
struct Counting<O>(O, usize);

impl<O: Ode> Ode for Counting<O> {
    fn derivative(&mut self, t: f64, y: &[f64], dy: &mut [f64]) {
        self.1 += 1;
        self.0.derivative(t, y, dy);
    }
}

fn dopri(rtol: f64) -> Method {
    Method::Dopri5(DopriConfig {
        rtol,
        atol: rtol,
        ..DopriConfig::default()
    })
}

#[test]
fn meets_tolerance_and_spends_less_when_looser() {
    let mut last_evals = usize::MAX;
    for rtol in [1e-10, 1e-8, 1e-6, 1e-4, 1e-2] {
        let mut ode = Counting(ExpSin, 0);
        let mut y = [1.0, 1.0];
        let stats = Solver::new(dopri(rtol))
            .unwrap()
            .integrate(&mut ode, 0.0, 3.0, &mut y)
            .unwrap();
        let exact = ExpSin::exact(3.0);
        let err = (y[0] - exact[0]).abs().max((y[1] - exact[1]).abs());
        assert!(err < 10.0 * rtol, "rtol {rtol}: global error {err}");
        assert_eq!(stats.evaluations, ode.1, "reported vs counted evaluations");
        // FSAL: 6 new stages per attempted step, plus f(t0) and one for the initial step size.
        assert_eq!(stats.evaluations, 6 * (stats.accepted + stats.rejected) + 2);
        assert!(
            stats.evaluations < last_evals,
            "rtol {rtol}: {} evaluations, previous {last_evals}",
            stats.evaluations
        );
        last_evals = stats.evaluations;
    }
}

/// y' = k / (1 + (k (t - 1/2))^2): flat, then a sharp pulse at t = 1/2;
/// y(t) = atan(k (t - 1/2)) + atan(k / 2) from y(0) = 0.
struct Pulse(f64);

impl Ode for Pulse {
    fn derivative(&mut self, t: f64, _y: &[f64], dy: &mut [f64]) {
        let k = self.0;
        dy[0] = k / (1.0 + (k * (t - 0.5)).powi(2));
    }
}

#[test]
fn rejects_steps_at_a_sudden_pulse_and_still_meets_the_tolerance() {
    // Steps grow on the flat stretch and then run into the pulse: the control must refuse some,
    // count them, and land on the right value.
    let k = 200.0;
    let mut y = [0.0];
    let stats = Solver::new(dopri(1e-8))
        .unwrap()
        .integrate(&mut Pulse(k), 0.0, 1.0, &mut y)
        .unwrap();
    let exact = (0.5 * k).atan() * 2.0;
    assert!((y[0] - exact).abs() < 1e-6, "{} vs {exact}", y[0]);
    assert!(stats.rejected > 0, "{stats:?}");
    assert_eq!(stats.evaluations, 6 * (stats.accepted + stats.rejected) + 2);
}

#[test]
fn step_budget_and_minimum_step_are_enforced() {
    let mut y = [1.0, 1.0];
    let budget = Method::Dopri5(DopriConfig {
        rtol: 1e-12,
        atol: 1e-12,
        max_steps: 5,
        ..DopriConfig::default()
    });
    let err = Solver::new(budget)
        .unwrap()
        .integrate(&mut ExpSin, 0.0, 3.0, &mut y);
    assert!(
        matches!(err, Err(IntegrateError::TooManySteps { max_steps: 5, .. })),
        "{err:?}"
    );

    let floor = Method::Dopri5(DopriConfig {
        rtol: 1e-12,
        atol: 1e-12,
        h_min: 0.5,
        ..DopriConfig::default()
    });
    let err = Solver::new(floor)
        .unwrap()
        .integrate(&mut ExpSin, 0.0, 3.0, &mut [1.0, 1.0]);
    assert!(
        matches!(err, Err(IntegrateError::StepTooSmall { .. })),
        "{err:?}"
    );
}

#[test]
fn nan_field_is_an_error_for_every_method() {
    struct Nan;
    impl Ode for Nan {
        fn derivative(&mut self, _t: f64, _y: &[f64], dy: &mut [f64]) {
            dy.fill(f64::NAN);
        }
    }
    for method in [Method::Rk4 { steps: 10 }, dopri(1e-6)] {
        let err = Solver::new(method)
            .unwrap()
            .integrate(&mut Nan, 0.0, 1.0, &mut [1.0]);
        assert!(err.is_err(), "{method:?}: {err:?}");
    }
}
