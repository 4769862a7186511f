//! Dense output: Hermite states between RK4 steps against the closed form, the step states
//! themselves exactly, and its errors.

use super::fields::ExpSin;
use crate::integrate::{DopriConfig, IntegrateError, Method, Solver};

/// Largest error of the dense states at 61 times with `steps` RK4 steps on ExpSin over [0, 1].
fn dense_error(steps: usize) -> f64 {
    let times: Vec<f64> = (0..=60).map(|k| k as f64 / 60.0).collect();
    let mut out = vec![0.0; 2 * times.len()];
    let mut y = [1.0, 1.0];
    let mut solver = Solver::new(Method::Rk4 { steps }).unwrap();
    let stats = solver
        .dense(&mut ExpSin, (0.0, 1.0), &mut y, &times, &mut out)
        .unwrap();
    assert_eq!(stats.evaluations, 4 * steps + 1);
    let errors = times.iter().zip(out.chunks_exact(2)).map(|(&t, row)| {
        let e = ExpSin::exact(t);
        (row[0] - e[0]).abs().max((row[1] - e[1]).abs())
    });
    errors.fold(0.0, f64::max)
}

#[test]
fn hermite_states_between_rk4_steps_converge_at_fourth_order() {
    let (coarse, fine) = (dense_error(10), dense_error(20));
    let order = (coarse / fine).log2();
    eprintln!("dense output errors {coarse:.2e} (10 steps), {fine:.2e} (20): order {order:.2}");
    assert!(fine < 2e-6, "{fine}");
    assert!(order > 3.5, "observed order {order}");
}

#[test]
fn at_step_ends_the_dense_states_are_the_steps() {
    let times = [0.0, 0.25, 0.5, 1.0];
    let mut out = [0.0; 8];
    let mut y = [1.0, 1.0];
    let mut solver = Solver::new(Method::Rk4 { steps: 4 }).unwrap();
    solver
        .dense(&mut ExpSin, (0.0, 1.0), &mut y, &times, &mut out)
        .unwrap();
    for (k, &t) in times.iter().enumerate() {
        let mut z = [1.0, 1.0];
        if t > 0.0 {
            let steps = (4.0 * t) as usize;
            let mut stepper = Solver::new(Method::Rk4 { steps }).unwrap();
            stepper.integrate(&mut ExpSin, 0.0, t, &mut z).unwrap();
        }
        assert!((out[2 * k] - z[0]).abs() < 1e-14 && (out[2 * k + 1] - z[1]).abs() < 1e-14);
    }
    assert_eq!(y, [out[6], out[7]]);
}

#[test]
fn dense_output_refuses_what_it_cannot_do() {
    let mut y = [1.0, 1.0];
    let mut out = [0.0; 4];
    let mut rk4 = Solver::new(Method::Rk4 { steps: 4 }).unwrap();
    let mut run = |s: &mut Solver, span, times: &[f64], out: &mut [f64]| {
        s.dense(&mut ExpSin, span, &mut y, times, out)
    };
    let mut dopri = Solver::new(Method::Dopri5(DopriConfig::default())).unwrap();
    assert!(matches!(
        run(&mut dopri, (0.0, 1.0), &[0.5, 1.0], &mut out),
        Err(IntegrateError::InvalidArgument(_))
    ));
    assert!(run(&mut rk4, (1.0, 0.0), &[0.5, 1.0], &mut out).is_err());
    assert!(run(&mut rk4, (0.0, 1.0), &[0.5, 0.2], &mut out).is_err());
    assert!(run(&mut rk4, (0.0, 1.0), &[0.5, 1.5], &mut out).is_err());
    assert!(run(&mut rk4, (0.0, 1.0), &[0.5], &mut out).is_err());
}
