//! The Hutchinson estimate eps^T (dv/dx) eps of the divergence: unbiased, with the variance its
//! closed forms predict (Rademacher: (M12 + M21)^2; Gaussian: 2 ||sym M||_F^2, per unit time).

use crate::density::LogDensity;
use crate::field::analytic::Affine;
use crate::field::pointwise::Pointwise;
use crate::integrate::augmented::{
    fill_probes, pack, Augmentation, Hutchinson, HutchinsonOde, Probe,
};
use crate::integrate::tests::fields::{wavy, A};
use crate::integrate::{Method, Solver};

const M: usize = 20_000;

fn mean_var(xs: &[f64]) -> (f64, f64) {
    let mean = xs.iter().sum::<f64>() / xs.len() as f64;
    let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (xs.len() - 1) as f64;
    (mean, var)
}

/// ∫_0^t eps_i^T A eps_i ds for M probes at one point under v = A x.
fn linear_estimates(a: [f64; 4], probe: Probe, t: f64) -> Vec<f64> {
    let points: Vec<f64> = (0..M).flat_map(|_| [0.4, -1.1]).collect();
    let mut probes = vec![0.0; 2 * M];
    fill_probes(probe, 7, &mut probes);
    let mut state = vec![0.0; 3 * M];
    pack(&points, Hutchinson::INITIAL, &mut state).unwrap();
    let mut field = Affine::linear(a);
    Solver::new(Method::Rk4 { steps: 10 })
        .unwrap()
        .integrate(
            &mut HutchinsonOde::new(&mut field, Hutchinson { probes: &probes }),
            0.0,
            t,
            &mut state,
        )
        .unwrap();
    state.chunks(3).map(|r| r[2]).collect()
}

#[test]
fn variance_matches_closed_forms_on_a_non_diagonal_jacobian() {
    let t = 1.5;
    let sym_off = 0.5 * (A[1] + A[2]);
    let cases = [
        (Probe::Rademacher, t * t * (A[1] + A[2]).powi(2)),
        (
            Probe::Gaussian,
            2.0 * t * t * (A[0] * A[0] + A[3] * A[3] + 2.0 * sym_off * sym_off),
        ),
    ];
    for (probe, want_var) in cases {
        let (mean, var) = mean_var(&linear_estimates(A, probe, t));
        assert!(
            var > 0.0 && (var / want_var - 1.0).abs() < 0.1,
            "{probe:?}: variance {var} vs {want_var}"
        );
        let exact = t * (A[0] + A[3]);
        assert!(
            (mean - exact).abs() < 4.0 * (want_var / M as f64).sqrt(),
            "{probe:?}: mean {mean} vs {exact}"
        );
    }
}

#[test]
fn rademacher_is_exact_on_a_diagonal_jacobian_and_gaussian_is_not() {
    let diag = [-0.5, 0.0, 0.0, 0.8];
    let t = 1.0;
    let exact = t * (diag[0] + diag[3]);
    assert!(linear_estimates(diag, Probe::Rademacher, t)
        .iter()
        .all(|l| (l - exact).abs() < 1e-12));
    let (_, var) = mean_var(&linear_estimates(diag, Probe::Gaussian, t));
    let want = 2.0 * (diag[0] * diag[0] + diag[3] * diag[3]);
    assert!(
        (var / want - 1.0).abs() < 0.1,
        "gaussian variance {var} vs {want}"
    );
}

#[test]
fn mean_estimate_converges_to_the_exact_log_density_on_a_nonlinear_flow() {
    let point = [0.5, -0.8];
    let mut evaluator = LogDensity::new(Method::Rk4 { steps: 20 }).unwrap();
    let mut exact = [0.0];
    evaluator
        .exact(&mut Pointwise(wavy), 1.0, &point, &mut exact)
        .unwrap();
    let copies: Vec<f64> = (0..M).flat_map(|_| point).collect();
    for (probe, seed) in [(Probe::Rademacher, 1), (Probe::Gaussian, 2)] {
        let mut est = vec![0.0; M];
        evaluator
            .hutchinson(&mut Pointwise(wavy), 1.0, &copies, probe, seed, &mut est)
            .unwrap();
        let (mean, var) = mean_var(&est);
        assert!(
            var > 1e-4,
            "{probe:?}: a non-diagonal Jacobian gives a spread, var {var}"
        );
        assert!(
            (mean - exact[0]).abs() < 4.0 * (var / M as f64).sqrt(),
            "{probe:?}: mean {mean} vs exact {}",
            exact[0]
        );
        let mut again = vec![0.0; M];
        evaluator
            .hutchinson(&mut Pointwise(wavy), 1.0, &copies, probe, seed, &mut again)
            .unwrap();
        assert_eq!(est, again, "a seed fixes the probes");
    }
}
