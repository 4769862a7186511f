//! Invalid settings and buffers are refused with errors, never panics.

use super::fields::ExpSin;
use crate::integrate::{DopriConfig, IntegrateError, Method, Solver, MAX_FIXED_STEPS};

#[test]
fn bad_fixed_step_counts_are_refused() {
    for steps in [0, MAX_FIXED_STEPS + 1, usize::MAX] {
        for m in [
            Method::Euler { steps },
            Method::Midpoint { steps },
            Method::Rk4 { steps },
        ] {
            assert_eq!(
                Solver::new(m).err(),
                Some(IntegrateError::InvalidSteps(steps))
            );
        }
    }
    assert!(Solver::new(Method::Rk4 {
        steps: MAX_FIXED_STEPS
    })
    .is_ok());
}

#[test]
fn bad_adaptive_settings_are_refused() {
    let d = DopriConfig::default();
    let bad = [
        DopriConfig {
            rtol: f64::NAN,
            ..d
        },
        DopriConfig { rtol: -1e-6, ..d },
        DopriConfig { atol: 0.0, ..d },
        DopriConfig {
            atol: f64::INFINITY,
            ..d
        },
        DopriConfig { h_min: -1.0, ..d },
        DopriConfig {
            h_min: 1.0,
            h_max: 0.5,
            ..d
        },
        DopriConfig {
            h_max: f64::NAN,
            ..d
        },
        DopriConfig { h_max: 0.0, ..d },
        DopriConfig { max_steps: 0, ..d },
        DopriConfig {
            max_steps: usize::MAX,
            ..d
        },
    ];
    for cfg in bad {
        assert!(
            Solver::new(Method::Dopri5(cfg)).is_err(),
            "{cfg:?} accepted"
        );
    }
    assert!(Solver::new(Method::Dopri5(d)).is_ok());
}

#[test]
fn bad_buffers_and_times_are_refused() {
    let mut s = Solver::new(Method::Rk4 { steps: 4 }).unwrap();
    let mut y = [1.0, 1.0];
    assert_eq!(
        s.integrate(&mut ExpSin, 0.0, 1.0, &mut []),
        Err(IntegrateError::EmptyState)
    );
    assert_eq!(
        s.integrate(&mut ExpSin, 0.0, f64::NAN, &mut y),
        Err(IntegrateError::NonFiniteTime)
    );
    let mut out = [0.0; 5];
    let err = s.trajectory(&mut ExpSin, 0.0, &mut y, &[0.5, 1.0, 1.5], &mut out);
    assert_eq!(
        err,
        Err(IntegrateError::LengthMismatch {
            what: "trajectory buffer",
            expected: 6,
            got: 5
        })
    );
    let mut out = [0.0; 6];
    assert_eq!(
        s.trajectory(&mut ExpSin, 0.0, &mut y, &[0.5, 1.5, 1.0], &mut out),
        Err(IntegrateError::UnorderedTimes)
    );
    assert_eq!(
        s.trajectory(&mut ExpSin, 1.0, &mut y, &[0.5, 1.5, 2.0], &mut out),
        Err(IntegrateError::UnorderedTimes)
    );
    assert_eq!(y, [1.0, 1.0], "a refused call must leave the state alone");
}
