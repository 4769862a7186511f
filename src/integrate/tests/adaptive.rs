//! DOPRI5 error control: accuracy follows the tolerance, work shrinks as it loosens, counts are
//! honest, and budgets are enforced.

use super::fields::ExpSin;
use crate::field::analytic::Affine;
use crate::integrate::augmented::PositionsOde;
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

#[test]
fn rejects_steps_when_started_too_large() {
    // A fast rotation with h_max forced large and a tight tolerance needs rejections,
    // which must be counted and must not spoil the result.
    let omega = 20.0;
    let mut field = Affine::rotation(omega);
    let cfg = DopriConfig {
        rtol: 1e-9,
        atol: 1e-9,
        ..DopriConfig::default()
    };
    let mut y = [1.0, 0.0];
    let stats = Solver::new(Method::Dopri5(cfg))
        .unwrap()
        .integrate(&mut PositionsOde::new(&mut field), 0.0, 1.0, &mut y)
        .unwrap();
    assert!(
        (y[0] - omega.cos()).abs() < 1e-7 && (y[1] - omega.sin()).abs() < 1e-7,
        "{y:?}"
    );
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
