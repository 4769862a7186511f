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

mod mixture_marginal {
    //! The closed-form marginal velocity of a Gaussian mixture (marginal.rs) against
    //! independent computations: a Monte Carlo average of conditional velocities, the mixture's
    //! own score (the affine score-velocity identity of the article's §7), the continuity
    //! equation, and SDEs that must keep the marginals.
    use super::super::marginal::{mixture_marginal, mixture_velocity};
    use super::super::posterior::conditional_average;
    use super::*;
    use crate::random::normal_pair;
    use crate::sde::GaussianMixture;

    fn mixture() -> GaussianMixture {
        GaussianMixture::eight_gaussians()
    }

    /// posterior.rs's estimate of E[a' x1 + s' x0 | x_t = x] from n draws x1 ~ q, and its
    /// standard error per coordinate, sqrt(Σ_i w_i² (u_i - mean)²).
    fn monte_carlo(path: &Path, t: f64, x: [f64; 2], n: usize) -> ([f64; 2], [f64; 2]) {
        let mut rng = StdRng::seed_from_u64(11);
        let x1: Vec<f64> = (0..n)
            .flat_map(|_| mixture().draw(1.0, 0.0, &mut rng))
            .collect();
        let avg = conditional_average(path, &x1, t, x).unwrap();
        let se = [0, 1].map(|d| {
            let spread: f64 = (0..n)
                .map(|i| (avg.weights[i] * (avg.targets[2 * i + d] - avg.velocity[d])).powi(2))
                .sum();
            spread.sqrt()
        });
        (avg.velocity, se)
    }

    #[test]
    fn velocity_is_the_average_of_the_conditional_velocities() {
        let points = [[2.0, 0.3], [0.0, 0.0], [1.2, 1.4], [-1.5, 0.5]];
        for path in paths() {
            for t in [0.2, 0.5, 0.8] {
                for x in points {
                    let exact = mixture_velocity(&path, &mixture(), t, x);
                    let (estimate, se) = monte_carlo(&path, t, x, 200_000);
                    for d in 0..2 {
                        let gap = (exact[d] - estimate[d]).abs();
                        assert!(
                            gap < 5.0 * se[d] + 1e-9,
                            "{} t = {t} x = {x:?}: exact {exact:?}, Monte Carlo {estimate:?} ± {se:?}",
                            path.name()
                        );
                    }
                }
            }
        }
    }

    /// ∇log p_t = (a u_t - a' x) / (s (a' s - a s')) for any Gaussian path; for the linear path
    /// a' s - a s' = 1 and it reads (t u_t - x) / (1 - (1 - sigma_min) t).
    #[test]
    fn the_score_is_an_affine_function_of_the_velocity() {
        let mut rng = StdRng::seed_from_u64(3);
        for path in paths() {
            for k in 1..20 {
                let t = k as f64 / 20.0;
                let c = path.coefficients(t);
                let [zx, zy] = normal_pair(&mut rng);
                let x = [2.0 * zx, 2.0 * zy];
                let u = mixture_velocity(&path, &mixture(), t, x);
                let score = mixture().local(c.a, c.s, x).score;
                let from_velocity =
                    [0, 1].map(|d| (c.a * u[d] - c.da * x[d]) / (c.s * (c.da * c.s - c.a * c.ds)));
                if let Path::Linear(linear) = path {
                    let sigma_t = 1.0 - (1.0 - linear.sigma_min()) * t;
                    assert!((c.da * c.s - c.a * c.ds - 1.0).abs() < 1e-12);
                    for d in 0..2 {
                        let article = (t * u[d] - x[d]) / sigma_t;
                        assert!((article - score[d]).abs() < 1e-9 * (1.0 + score[d].abs()));
                    }
                }
                for d in 0..2 {
                    assert!(
                        (from_velocity[d] - score[d]).abs() < 1e-8 * (1.0 + score[d].abs()),
                        "{} t = {t}: {from_velocity:?} vs {score:?}",
                        path.name()
                    );
                }
            }
        }
    }

    /// ∂p_t/∂t + ∇·(p_t u_t) = 0 by central differences: the field generates the path.
    #[test]
    fn the_velocity_carries_the_mixture_density() {
        let h = 1e-4;
        for path in paths() {
            let density = |t: f64, x: [f64; 2]| {
                let c = path.coefficients(t);
                mixture().local(c.a, c.s, x).log_density.exp()
            };
            let flux = |t: f64, x: [f64; 2], d: usize| {
                density(t, x) * mixture_velocity(&path, &mixture(), t, x)[d]
            };
            for t in [0.1, 0.4, 0.7, 0.9] {
                for x in [[1.0, 0.5], [2.0, 2.0], [-0.5, 1.5], [0.0, -2.5]] {
                    let dp_dt = (density(t + h, x) - density(t - h, x)) / (2.0 * h);
                    let div = (flux(t, [x[0] + h, x[1]], 0) - flux(t, [x[0] - h, x[1]], 0)
                        + flux(t, [x[0], x[1] + h], 1)
                        - flux(t, [x[0], x[1] - h], 1))
                        / (2.0 * h);
                    let scale = dp_dt.abs() + div.abs() + 1e-6;
                    assert!(
                        (dp_dt + div).abs() < 1e-5 * scale,
                        "{} t = {t} x = {x:?}: dp/dt {dp_dt}, div {div}",
                        path.name()
                    );
                }
            }
        }
    }

    /// dx = [u + eps_t^2/2 score] dt + eps_t dW with eps_t^2 = eps^2 (1 - t) and the score from
    /// the velocity (the article's §7) keeps E|x_t|^2 = t^2 E|x1|^2 + 2 (1 - t)^2 for every eps;
    /// the paths differ. Euler-Maruyama, 300 steps to t = 0.9, 3000 particles.
    #[test]
    fn sdes_with_the_score_from_the_velocity_keep_the_marginals() {
        let path = Path::Linear(Linear::new(0.0).unwrap());
        let data = mixture();
        let second_moment: f64 = data
            .weights()
            .iter()
            .zip(data.means())
            .zip(data.variances())
            .map(|((w, m), v)| w * (m[0] * m[0] + m[1] * m[1] + 2.0 * v))
            .sum();
        let (t_end, steps, n) = (0.9, 300, 3000);
        let exact = t_end * t_end * second_moment + 2.0 * (1.0 - t_end) * (1.0 - t_end);
        let dt = t_end / steps as f64;
        let mut endpoints = Vec::new();
        for eps in [0.0, 0.7, 1.4] {
            let mut rng = StdRng::seed_from_u64(21);
            let mut xs = vec![0.0; 2 * n];
            fill_standard_normal(&mut StdRng::seed_from_u64(20), &mut xs);
            for k in 0..steps {
                let t = k as f64 * dt;
                let noise2 = eps * eps * (1.0 - t);
                for p in xs.chunks_exact_mut(2) {
                    let u = mixture_velocity(&path, &data, t, [p[0], p[1]]);
                    let [zx, zy] = normal_pair(&mut rng);
                    let z = [zx, zy];
                    for d in 0..2 {
                        // (eps^2 (1 - t) / 2) (t u - x) / (1 - t)
                        let drift = u[d] + 0.5 * eps * eps * (t * u[d] - p[d]);
                        p[d] += drift * dt + (noise2 * dt).sqrt() * z[d];
                    }
                }
            }
            let squares: Vec<f64> = xs
                .chunks_exact(2)
                .map(|p| p[0] * p[0] + p[1] * p[1])
                .collect();
            let mean = squares.iter().sum::<f64>() / n as f64;
            let var = squares.iter().map(|s| (s - mean).powi(2)).sum::<f64>() / (n - 1) as f64;
            let se = (var / n as f64).sqrt();
            assert!(
                (mean - exact).abs() < 4.0 * se + 0.02 * exact,
                "eps = {eps}: E|x|^2 = {mean} ± {se}, exact {exact}"
            );
            endpoints.push(xs);
        }
        // Same noise start, different paths: the stochastic endpoints are far from the ODE's.
        let gap = |a: &[f64], b: &[f64]| {
            a.iter()
                .zip(b)
                .map(|(p, q)| (p - q).powi(2))
                .sum::<f64>()
                .sqrt()
                / n as f64
        };
        assert!(gap(&endpoints[0], &endpoints[1]) > 1e-3);
        assert!(gap(&endpoints[0], &endpoints[2]) > gap(&endpoints[0], &endpoints[1]));
    }

    /// One sample: its line through x is the only one, with the target (x1 - x) / (1 - t) on the
    /// straight path x_t = t x1 + (1 - t) x0.
    #[test]
    fn one_sample_gives_its_own_line() {
        let path = Path::Linear(Linear::new(0.0).unwrap());
        let (x1, x, t) = ([1.5, -0.5], [0.2, 0.4], 0.6);
        let avg = conditional_average(&path, &x1, t, x).unwrap();
        let expected = [0, 1].map(|d| (x1[d] - x[d]) / (1.0 - t));
        for (v, e) in avg.velocity.iter().zip(expected) {
            assert!((v - e).abs() < 1e-12, "{avg:?}");
        }
        assert_eq!((avg.weights.as_slice(), avg.effective), (&[1.0][..], 1.0));
    }

    #[test]
    fn the_average_needs_noise_and_finite_input() {
        let path = Path::Linear(Linear::new(0.0).unwrap());
        let err = conditional_average(&path, &[1.0, 0.0], 1.0, [0.0, 0.0]).unwrap_err();
        assert!(err.contains("s = 0"), "{err}");
        assert!(conditional_average(&path, &[], 0.5, [0.0, 0.0]).is_err());
        assert!(conditional_average(&path, &[f64::NAN, 0.0], 0.5, [0.0, 0.0]).is_err());
        assert!(conditional_average(&path, &[1.0, 0.0], 0.5, [f64::INFINITY, 0.0]).is_err());
        // Far from every sample the weights underflow together, and log-sum-exp keeps them.
        let far = conditional_average(&path, &[1.0, 0.0, 0.0, 1.0], 0.9, [300.0, 0.0]).unwrap();
        assert!(far.velocity.iter().all(|v| v.is_finite()), "{far:?}");
    }

    /// p_t integrates to 1 (midpoint rule on [-9, 9]², spacing 0.03) at every time, and at t = 0
    /// the straight path starts from N(0, I) with u_0(x) = E[x1] - x = -x.
    #[test]
    fn the_pushed_density_integrates_to_one() {
        let h = 0.03;
        let m = (18.0 / h) as usize;
        let grid: Vec<f64> = (0..m * m)
            .flat_map(|k| {
                [
                    -9.0 + h * ((k % m) as f64 + 0.5),
                    -9.0 + h * ((k / m) as f64 + 0.5),
                ]
            })
            .collect();
        let (mut u, mut log_p) = (vec![0.0; grid.len()], vec![0.0; m * m]);
        for path in paths() {
            for t in [0.0, 0.3, 0.7, 0.95, 1.0] {
                mixture_marginal(&path, &mixture(), t, &grid, &mut u, &mut log_p);
                let mass: f64 = log_p.iter().map(|l| l.exp() * h * h).sum();
                assert!(
                    (mass - 1.0).abs() < 1e-6,
                    "{} t = {t}: mass {mass}",
                    path.name()
                );
            }
        }
        let path = Path::Linear(Linear::new(0.0).unwrap());
        let x = [0.7, -1.3];
        mixture_marginal(&path, &mixture(), 0.0, &x, &mut u[..2], &mut log_p[..1]);
        let normal = -(x[0] * x[0] + x[1] * x[1]) / 2.0 - std::f64::consts::TAU.ln();
        assert!(
            (log_p[0] - normal).abs() < 1e-12,
            "{} vs {normal}",
            log_p[0]
        );
        assert!(
            (u[0] + x[0]).abs() < 1e-12 && (u[1] + x[1]).abs() < 1e-12,
            "{:?}",
            &u[..2]
        );
    }
}
