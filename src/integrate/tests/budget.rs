//! Methods at a budget of evaluations on v = A x (x_t = e^{tA} x_0): the error against the number
//! of steps falls with slopes 1, 2, 4, 5, and each method spends exactly what it reports.

use super::fields::{expm, A};
use crate::field::analytic::Affine;
use crate::integrate::augmented::PositionsOde;
use crate::integrate::{integrate_with_budget, linear_errors, Ode, Scheme};

const X0: [f64; 2] = [1.0, -0.5];
const T: f64 = 2.0;

/// Counts the calls to the field.
struct Counting<O>(O, usize);

impl<O: Ode> Ode for Counting<O> {
    fn derivative(&mut self, t: f64, y: &[f64], dy: &mut [f64]) {
        self.1 += 1;
        self.0.derivative(t, y, dy);
    }
}

fn error(scheme: Scheme, steps: usize) -> f64 {
    let mut field = Affine::linear(A);
    let mut ode = Counting(PositionsOde::new(&mut field), 0);
    let mut y = X0;
    let nfe = steps * scheme.evaluations_per_step();
    let spent = integrate_with_budget(scheme, &mut ode, (0.0, T), nfe, &mut y).unwrap();
    assert_eq!((spent, ode.1), (nfe, nfe), "{scheme:?}: evaluations");
    let want = expm(A, T) * nalgebra::Vector2::new(X0[0], X0[1]);
    (y[0] - want[0]).hypot(y[1] - want[1])
}

#[test]
fn error_falls_with_the_order_of_each_scheme() {
    for scheme in Scheme::ALL {
        let steps = [8, 16, 32, 64];
        let logs: Vec<f64> = steps.iter().map(|&s| error(scheme, s).ln()).collect();
        for (w, s) in logs.windows(2).zip(steps.windows(2)) {
            let slope = (w[0] - w[1]) / (s[1] as f64 / s[0] as f64).ln();
            assert!(
                (slope - scheme.order() as f64).abs() < 0.2,
                "{scheme:?}: slope {slope} between {} and {} steps",
                s[0],
                s[1]
            );
        }
    }
}

#[test]
fn a_budget_that_pays_for_no_step_is_an_error() {
    let mut field = Affine::linear(A);
    let mut y = X0;
    let r = integrate_with_budget(
        Scheme::Rk4,
        &mut PositionsOde::new(&mut field),
        (0.0, 1.0),
        3,
        &mut y,
    );
    assert!(r.is_err());
    assert_eq!(Scheme::Dopri5.steps_for(13), 2);
}

#[test]
fn linear_errors_are_the_errors_against_the_closed_form() {
    for scheme in Scheme::ALL {
        let per = scheme.evaluations_per_step();
        let errors = linear_errors(A, X0, T, scheme, &[8 * per, 16 * per, per - 1]);
        assert_eq!(errors[..2], [error(scheme, 8), error(scheme, 16)]);
        assert!(errors[2].is_nan(), "{scheme:?}: a budget below one step");
    }
}
