//! Steps against quality: budgets spent as reported, large budgets agreeing with a tight DOPRI5,
//! one Euler step checked by hand.

use super::*;
use crate::density::standard_normal_log_density;
use crate::integrate::{DopriConfig, Scheme};
use crate::metrics::energy_distance;
use crate::random::fill_standard_normal;
use rand::{rngs::StdRng, SeedableRng};

const TIGHT: Method = Method::Dopri5(DopriConfig {
    rtol: 1e-10,
    atol: 1e-10,
    h_min: 0.0,
    h_max: f64::INFINITY,
    max_steps: 100_000,
});

#[test]
fn large_budgets_agree_with_a_tight_dopri5_and_budgets_are_spent_as_said() {
    let flow = trained();
    let (n, seed) = (200, 9);
    let nfes = [1, 3, 12, 120];
    for scheme in Scheme::ALL {
        let s = flow.steps_study(scheme, &nfes, (n, 5, seed)).unwrap();
        assert_eq!(s.paths.len(), PATH_FRAMES * 10);
        assert!(s.length_over_chord >= 1.0, "{}", s.length_over_chord);
        for row in &s.rows {
            let steps = scheme.steps_for(row.nfe);
            assert_eq!(row.spent, steps * scheme.evaluations_per_step());
            assert_eq!(row.nll.is_nan(), steps == 0, "{scheme:?} at {}", row.nfe);
        }
        let last = &s.rows[3];
        // Euler's error at 120 steps is ~5e-3 here; the higher orders are far below 1e-3.
        let tol = if scheme == Scheme::Euler { 2e-2 } else { 1e-3 };
        let exact_nll = -flow
            .log_density(&s.data, 1.0, TIGHT)
            .unwrap()
            .iter()
            .sum::<f64>()
            / n as f64;
        assert!(
            (last.nll - exact_nll).abs() < tol,
            "{scheme:?}: nll {} vs {exact_nll}",
            last.nll
        );
        let mut x0 = vec![0.0; 2 * n];
        fill_standard_normal(&mut StdRng::seed_from_u64(seed), &mut x0);
        let exact = flow.trajectories(&x0, &[1.0], TIGHT).unwrap();
        let want = energy_distance(&exact, &s.data).unwrap();
        assert!(
            (last.energy_distance - want).abs() < tol,
            "{scheme:?}: energy {} vs {want}",
            last.energy_distance
        );
    }
}

#[test]
fn one_euler_step_is_the_base_point_plus_the_velocity() {
    let flow = trained();
    let s = flow.steps_study(Scheme::Euler, &[1], (4, 0, 2)).unwrap();
    let mut x0 = vec![0.0; 8];
    fill_standard_normal(&mut StdRng::seed_from_u64(2), &mut x0);
    let v = flow.velocity(&x0, 0.0).unwrap();
    for ((s, x), v) in s.rows[0].samples.iter().zip(&x0).zip(&v) {
        assert!((s - (x + v)).abs() < 1e-12);
    }
    // NLL by one Euler step backwards: x_0 = y - v(y, 1), l = -div v(y, 1).
    let div = flow.divergence(&s.data, 1.0).unwrap();
    let v1 = flow.velocity(&s.data, 1.0).unwrap();
    let nll = -(0..4)
        .map(|i| {
            let x0 = [s.data[2 * i] - v1[2 * i], s.data[2 * i + 1] - v1[2 * i + 1]];
            standard_normal_log_density(&x0) - div[i]
        })
        .sum::<f64>()
        / 4.0;
    assert!(
        (s.rows[0].nll - nll).abs() < 1e-12,
        "{} vs {nll}",
        s.rows[0].nll
    );
}

#[test]
fn bad_studies_are_errors() {
    let flow = trained();
    assert!(flow.steps_study(Scheme::Rk4, &[], (10, 0, 0)).is_err());
    assert!(flow.steps_study(Scheme::Rk4, &[4], (1, 0, 0)).is_err());
    assert!(flow.steps_study(Scheme::Rk4, &[4], (10, 11, 0)).is_err());
    assert!(flow
        .steps_study(Scheme::Rk4, &[MAX_NFE + 1], (10, 0, 0))
        .is_err());
}
