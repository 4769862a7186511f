//! Observed order of convergence on y1' = y1 cos t, y2' = -2 t y2 (solution (e^{sin t}, e^{-t^2})).
//!
//! The slope of log(error) against log(h) over halving steps must be within 0.3 of the order.
//! DOPRI5 is measured through its 5th-order weights with fixed steps (the same tableau the
//! adaptive solver uses, without error control).

use super::fields::ExpSin;
use crate::integrate::fixed::integrate_fixed;
use crate::integrate::stages::Stages;
use crate::integrate::tableau::{Tableau, DOPRI5, EULER, MIDPOINT, RK4};
use crate::integrate::{Method, Solver, Stats};

const T_END: f64 = 2.0;

/// Max-norm error at T_END after `steps` equal steps.
fn error(tab: &Tableau, steps: usize) -> f64 {
    let mut stages = Stages::default();
    stages.prepare(tab.stages(), 2);
    let mut y = [1.0, 1.0];
    integrate_fixed(
        tab,
        &mut stages,
        &mut ExpSin,
        (0.0, T_END),
        steps,
        &mut y,
        &mut Stats::default(),
    );
    let exact = ExpSin::exact(T_END);
    (y[0] - exact[0]).abs().max((y[1] - exact[1]).abs())
}

/// Least-squares slope of log(error) against log(h).
fn observed_order(tab: &Tableau, steps: &[usize]) -> f64 {
    let pts: Vec<(f64, f64)> = steps
        .iter()
        .map(|&n| ((T_END / n as f64).ln(), error(tab, n).ln()))
        .collect();
    let mx = pts.iter().map(|p| p.0).sum::<f64>() / pts.len() as f64;
    let my = pts.iter().map(|p| p.1).sum::<f64>() / pts.len() as f64;
    let sxy: f64 = pts.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
    let sxx: f64 = pts.iter().map(|p| (p.0 - mx).powi(2)).sum();
    sxy / sxx
}

#[test]
fn methods_converge_at_their_theoretical_order() {
    let cases: [(&Tableau, f64, &[usize]); 4] = [
        (&EULER, 1.0, &[200, 400, 800, 1600]),
        (&MIDPOINT, 2.0, &[50, 100, 200, 400]),
        (&RK4, 4.0, &[20, 40, 80, 160]),
        (&DOPRI5, 5.0, &[20, 40, 80, 160]),
    ];
    for (tab, order, steps) in cases {
        let p = observed_order(tab, steps);
        assert!((p - order).abs() < 0.3, "order {order}: observed {p}");
    }
}

#[test]
fn public_solver_matches_the_fixed_step_kernel() {
    // The Method dispatch must select the tableau of its name: errors equal the kernel's.
    for (method, tab) in [
        (Method::Euler { steps: 37 }, &EULER),
        (Method::Midpoint { steps: 37 }, &MIDPOINT),
        (Method::Rk4 { steps: 37 }, &RK4),
    ] {
        let mut y = [1.0, 1.0];
        let stats = Solver::new(method)
            .unwrap()
            .integrate(&mut ExpSin, 0.0, T_END, &mut y)
            .unwrap();
        let exact = ExpSin::exact(T_END);
        let err = (y[0] - exact[0]).abs().max((y[1] - exact[1]).abs());
        assert_eq!(err, error(tab, 37), "{method:?}");
        assert_eq!(
            stats,
            Stats {
                evaluations: 37 * tab.stages(),
                accepted: 37,
                rejected: 0
            }
        );
    }
}
