//! Checks of the paths against finite differences, endpoints and closed-form marginals.

use super::*;
use crate::random::fill_standard_normal;
use rand::{rngs::StdRng, SeedableRng};

fn paths() -> [Path; 3] {
    [
        Path::Linear(Linear::new(0.0).unwrap()),
        Path::Linear(Linear::new(0.05).unwrap()),
        Path::Vp(Vp::standard()),
    ]
}

#[test]
fn invalid_parameters_are_rejected() {
    for bad in [-0.1, 1.0, f64::NAN] {
        assert!(Linear::new(bad).is_err());
    }
    assert!(Vp::new(0.0, 20.0, 1e-5).is_err());
    assert!(Vp::new(1.0, 0.5, 1e-5).is_err());
    assert!(Vp::new(0.1, f64::INFINITY, 1e-5).is_err());
    assert!(Vp::new(0.1, 20.0, 0.0).is_err());
    assert!(Vp::new(0.1, 20.0, f64::NAN).is_err());
    assert_eq!(Vp::new(0.1, 20.0, 1e-5).unwrap(), Vp::standard());
}

#[test]
fn velocity_is_the_time_derivative_of_the_path() {
    let (x0, x1) = ([0.3, -1.2], [2.0, 0.7]);
    let h = 1e-6;
    for path in paths() {
        for t in [0.01, 0.2, 0.5, 0.8, 0.97] {
            let ts = [t - h, t, t + h];
            let (mut xt, mut ut) = ([0.0; 6], [0.0; 6]);
            let (x0s, x1s) = ([x0, x0, x0].concat(), [x1, x1, x1].concat());
            path.sample_conditional(&x0s, &x1s, &ts, &mut xt, &mut ut);
            for k in 0..2 {
                let fd = (xt[4 + k] - xt[k]) / (2.0 * h);
                let tol = 1e-6 * (1.0 + fd.abs());
                assert!(
                    (ut[2 + k] - fd).abs() < tol,
                    "{} t={t}: {} vs {fd}",
                    path.name(),
                    ut[2 + k]
                );
            }
        }
    }
}

#[test]
fn endpoints_are_noise_and_data() {
    for path in paths() {
        let c = path.coefficients(0.0);
        let tiny = if let Path::Vp(_) = path { 0.007 } else { 0.0 };
        assert!(
            c.a <= tiny && (c.s - 1.0).abs() <= tiny * tiny,
            "{} at 0: {c:?}",
            path.name()
        );
    }
    let c = Path::Linear(Linear::new(0.05).unwrap()).coefficients(1.0);
    assert!(c.a == 1.0 && (c.s - 0.05).abs() < 1e-15, "{c:?}");
    // VP: clamped to 1 - t_eps, where alpha ~ 1 and sigma ~ sqrt(beta_min t_eps) = 0.001.
    let vp = Path::Vp(Vp::standard());
    assert_eq!(vp.coefficients(1.0), vp.coefficients(1.0 - 1e-5));
    let c = vp.coefficients(1.0);
    assert!(
        (c.a - 1.0).abs() < 1e-6 && (c.s - 1e-3).abs() < 1e-5,
        "{c:?}"
    );
    // alpha_1 = exp(-(beta_min + beta_max)/4).
    assert!((vp.coefficients(0.0).a - (-20.1f64 / 4.0).exp()).abs() < 1e-15);
}

#[test]
fn vp_schedule_is_variance_preserving_and_integrates_beta() {
    let vp = Vp::standard();
    let h = 1e-6;
    for s in [0.001, 0.1, 0.5, 0.9, 1.0] {
        assert!((vp.alpha(s).powi(2) + vp.sigma(s).powi(2) - 1.0).abs() < 1e-14);
        // d/ds T = beta and d/ds ln alpha = -beta / 2, by central differences.
        let dt = (vp.integrated_beta(s + h) - vp.integrated_beta(s - h)) / (2.0 * h);
        assert!((dt - vp.beta(s)).abs() < 1e-6 * vp.beta(s));
        let dlog = (vp.alpha(s + h).ln() - vp.alpha(s - h).ln()) / (2.0 * h);
        assert!((dlog + vp.beta(s) / 2.0).abs() < 1e-6 * vp.beta(s));
    }
    assert_eq!((vp.beta(0.0), vp.beta(1.0)), (0.1, 20.0));
    // sigma near s = 0 ~ sqrt(beta_min s), without cancellation.
    assert!((vp.sigma(1e-12) / (0.1f64 * 1e-12).sqrt() - 1.0).abs() < 1e-9);
}

#[test]
fn linear_path_with_gaussian_data_has_the_closed_form_marginal() {
    // x1 ~ N(m, tau^2 I), so x_t ~ N(t m, (t^2 tau^2 + (1 - (1 - sigma_min) t)^2) I).
    let (m, tau, sigma_min, t) = ([1.5, -0.5], 0.4, 0.1, 0.6);
    let n = 200_000;
    let mut rng = StdRng::seed_from_u64(4);
    let (mut x0, mut x1) = (vec![0.0; 2 * n], vec![0.0; 2 * n]);
    fill_standard_normal(&mut rng, &mut x0);
    fill_standard_normal(&mut rng, &mut x1);
    for (k, x) in x1.iter_mut().enumerate() {
        *x = m[k % 2] + tau * *x;
    }
    let (mut xt, mut ut) = (vec![0.0; 2 * n], vec![0.0; 2 * n]);
    let path = Path::Linear(Linear::new(sigma_min).unwrap());
    path.sample_conditional(&x0, &x1, &vec![t; n], &mut xt, &mut ut);
    let var = t * t * tau * tau + (1.0 - (1.0 - sigma_min) * t).powi(2);
    for (k, mk) in m.into_iter().enumerate() {
        let coords = xt.iter().skip(k).step_by(2);
        let mean = coords.clone().sum::<f64>() / n as f64;
        let v = coords.map(|x| (x - mean).powi(2)).sum::<f64>() / n as f64;
        assert!((mean - t * mk).abs() < 0.01, "mean {mean}");
        assert!((v - var).abs() < 0.01 * var, "variance {v} vs {var}");
    }
    // The linear path's target velocity is x1 - (1 - sigma_min) x0 whatever t is.
    for i in 0..2 * n {
        assert!((ut[i] - (x1[i] - (1.0 - sigma_min) * x0[i])).abs() < 1e-15);
    }
}
