//! Special functions against closed forms and their own inverses.

use super::super::incomplete_gamma::{inverse_gamma_p, inverse_gamma_q, regularized_gamma};
use super::super::normal_cdf::{normal_cdf, normal_quantile};

fn rel(a: f64, b: f64) -> f64 {
    (a - b).abs() / b.abs().max(1e-300)
}

#[test]
fn normal_cdf_and_quantile_match_tables_and_invert_each_other() {
    assert_eq!(normal_cdf(0.0), 0.5);
    assert!(rel(normal_cdf(1.959_963_984_540_054), 0.975) < 1e-15);
    // Φ(-8) = erfc(8/√2)/2 = 6.220960574271784e-16.
    assert!(rel(normal_cdf(-8.0), 6.220_960_574_271_784e-16) < 1e-12);
    assert!(rel(normal_quantile(0.975), 1.959_963_984_540_054) < 1e-14);
    assert!(rel(normal_quantile(0.025), -1.959_963_984_540_054) < 1e-14);
    for e in 1..300 {
        let p = 10f64.powi(-e);
        let x = normal_quantile(p);
        assert!(
            rel(normal_cdf(x), p) < 1e-12,
            "p {p}: Φ(Φ^-1(p)) = {}",
            normal_cdf(x)
        );
    }
    for p in [0.03, 0.2, 0.4999, 0.5, 0.7] {
        assert!((normal_cdf(normal_quantile(p)) - p).abs() < 1e-15, "p {p}");
    }
    assert!(normal_quantile(-0.1).is_nan() && normal_quantile(1.0) == f64::INFINITY);
}

#[test]
fn regularized_gamma_matches_closed_forms_in_both_branches() {
    let sqrt_pi = std::f64::consts::PI.sqrt();
    for x in [1e-6f64, 0.01, 0.3, 1.0, 2.2, 4.0, 9.0, 25.0, 60.0, 200.0] {
        let e = (-x).exp();
        // a = 1: Q = e^{-x}.  a = 1/2: P = erf √x, Q = erfc √x.
        let (p1, q1) = regularized_gamma(1.0, x);
        assert!(
            rel(q1, e) < 1e-13 && rel(p1, -(-x).exp_m1()) < 1e-13,
            "a=1 x={x}"
        );
        let (ph, qh) = regularized_gamma(0.5, x);
        assert!(rel(ph, libm::erf(x.sqrt())) < 1e-13, "a=1/2 x={x}");
        assert!(rel(qh, libm::erfc(x.sqrt())) < 1e-12, "a=1/2 x={x}: {qh}");
        // a = 3: Q = (1 + x + x²/2) e^{-x}.
        let q3 = regularized_gamma(3.0, x).1;
        assert!(rel(q3, (1.0 + x + 0.5 * x * x) * e) < 1e-12, "a=3 x={x}");
        // a = 5/2 by P(a+1) = P(a) - x^a e^{-x}/Γ(a+1): Q = erfc √x + 2√(x/π) e^{-x} (1 + 2x/3).
        let q52 = libm::erfc(x.sqrt()) + 2.0 * (x.sqrt() / sqrt_pi) * e * (1.0 + 2.0 * x / 3.0);
        assert!(rel(regularized_gamma(2.5, x).1, q52) < 1e-12, "a=5/2 x={x}");
    }
    let (p, q) = regularized_gamma(7.3, 4.1);
    assert!((p + q - 1.0).abs() < 1e-15);
    assert!(regularized_gamma(-1.0, 1.0).0.is_nan() && regularized_gamma(1.0, -1.0).0.is_nan());
}

#[test]
fn inverse_incomplete_gamma_solves_both_tails() {
    for a in [0.05, 0.1, 0.5, 1.0, 2.5, 10.0, 100.0, 5000.0] {
        for p in [1e-12, 1e-6, 1e-3, 0.1, 0.5, 0.9, 0.999] {
            let x = inverse_gamma_p(a, p);
            let got = regularized_gamma(a, x).0;
            assert!(rel(got, p) < 1e-10, "a {a} p {p}: x {x}, P {got}");
            let x = inverse_gamma_q(a, p);
            let got = regularized_gamma(a, x).1;
            assert!(rel(got, p) < 1e-10, "a {a} q {p}: x {x}, Q {got}");
        }
    }
    // Exponential quantile: -ln(1 - p).
    assert!(rel(inverse_gamma_p(1.0, 0.3), -(0.7f64).ln()) < 1e-14);
    assert_eq!(inverse_gamma_p(2.0, 0.0), 0.0);
    assert_eq!(inverse_gamma_q(2.0, 0.0), f64::INFINITY);
    assert!(inverse_gamma_p(2.0, 1.5).is_nan());
}
