//! The k-probe study against closed forms (v = A x) and against the per-probe Hutchinson ODE.

use crate::density::{one_probe_variance, probe_study, standard_normal_log_density, LogDensity};
use crate::field::analytic::Affine;
use crate::field::pointwise::Pointwise;
use crate::integrate::augmented::Probe;
use crate::integrate::tests::fields::{expm, wavy, A};
use crate::integrate::Method;

const RK4: Method = Method::Rk4 { steps: 20 };

fn mean_var(xs: &[f64]) -> (f64, f64) {
    let mean = xs.iter().sum::<f64>() / xs.len() as f64;
    let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (xs.len() - 1) as f64;
    (mean, var)
}

#[test]
fn linear_field_matches_its_closed_forms() {
    // v = A x (RK4 with 20 steps: x_0 to ~1e-8): x_0 = e^{-tA} x, log p_t(x) = log N(x_0) - t tr A, B = -t A, so one Rademacher
    // probe has variance t² (A12 + A21)² and a Gaussian one 2 t² ||sym A||_F².
    let (t, x) = (0.8, [0.7, -0.4]);
    let x0 = expm(A, -t) * nalgebra::Vector2::new(x[0], x[1]);
    let want = standard_normal_log_density(&[x0[0], x0[1]]) - t * (A[0] + A[3]);
    let sym_off = 0.5 * (A[1] + A[2]);
    let closed = [
        (Probe::Rademacher, t * t * (A[1] + A[2]).powi(2)),
        (
            Probe::Gaussian,
            2.0 * t * t * (A[0] * A[0] + A[3] * A[3] + 2.0 * sym_off * sym_off),
        ),
    ];
    for (probe, var1) in closed {
        for k in [1, 16] {
            let repeats = 20_000;
            let s =
                probe_study(&mut Affine::linear(A), t, &x, RK4, probe, (k, repeats, 3)).unwrap();
            assert!(
                (s.exact[0] - want).abs() < 1e-7,
                "exact {} vs {want}",
                s.exact[0]
            );
            for (b, a) in s.trace_integral.iter().zip(A) {
                assert!((b + t * a).abs() < 1e-12, "B = -tA: {b} vs {}", -t * a);
            }
            assert!((one_probe_variance(&s.trace_integral, probe) - var1).abs() < 1e-12);
            let (mean, var) = mean_var(&s.estimates);
            let want_var = var1 / k as f64;
            assert!(
                (var / want_var - 1.0).abs() < 0.06,
                "{probe:?}, k = {k}: variance {var} vs {want_var}"
            );
            let se = (want_var / repeats as f64).sqrt();
            assert!(
                (mean - want).abs() < 4.0 * se,
                "{probe:?}, k = {k}: mean {mean} vs {want} (se {se})"
            );
        }
    }
}

#[test]
fn one_probe_estimates_equal_the_per_probe_hutchinson_ode() {
    let (t, x, repeats, seed) = (1.0, [0.5, -0.8], 64, 11);
    let copies: Vec<f64> = (0..repeats).flat_map(|_| x).collect();
    for probe in [Probe::Rademacher, Probe::Gaussian] {
        let s = probe_study(&mut Pointwise(wavy), t, &x, RK4, probe, (1, repeats, seed)).unwrap();
        let mut ode = vec![0.0; repeats];
        LogDensity::new(RK4)
            .unwrap()
            .hutchinson(&mut Pointwise(wavy), t, &copies, probe, seed, &mut ode)
            .unwrap();
        for (a, b) in s.estimates.iter().zip(&ode) {
            assert!((a - b).abs() < 1e-12, "{probe:?}: {a} vs {b}");
        }
        let mut exact = [0.0];
        LogDensity::new(RK4)
            .unwrap()
            .exact(&mut Pointwise(wavy), t, &x, &mut exact)
            .unwrap();
        assert!((s.exact[0] - exact[0]).abs() < 1e-12);
        assert_eq!(
            s.evaluations, 80,
            "RK4 with 20 steps: 80 passes for the batch"
        );
    }
}

#[test]
fn bad_requests_are_errors() {
    let mut f = Affine::linear(A);
    for (k, repeats) in [(0, 1), (1, 0), (1 << 12, 1 << 13)] {
        let r = probe_study(
            &mut f,
            1.0,
            &[0.0, 0.0],
            RK4,
            Probe::Rademacher,
            (k, repeats, 0),
        );
        assert!(r.is_err(), "k = {k}, repeats = {repeats}");
    }
}
