//! The linear path's closed forms, the score from the velocity, and the flow's SDEs.

use super::super::flow_sde::euler_maruyama_step;
use super::super::reread::ode_and_sdes;
use super::super::*;
use crate::field::VelocityField;
use crate::random::normal_pair;
use rand::{rngs::StdRng, SeedableRng};

const POINTS: [[f64; 2]; 5] = [[0.1, 0.2], [2.0, 0.3], [-1.5, 1.9], [0.0, -2.9], [4.0, 4.0]];

#[test]
fn score_from_velocity_matches_finite_differences_of_log_density() {
    let model = LinearMixture::eight_gaussians();
    let h = 1e-5;
    for t in [0.0, 0.1, 0.5, 0.9, 0.99] {
        for x in POINTS {
            let score = score_from_velocity(t, x, model.velocity_at(t, x));
            for i in 0..2 {
                let (mut p, mut m) = (x, x);
                p[i] += h;
                m[i] -= h;
                let lp = model.local(t, p).log_density;
                let lm = model.local(t, m).log_density;
                let fd = (lp - lm) / (2.0 * h);
                let tol = 1e-6 * (1.0 + fd.abs());
                assert!(
                    (fd - score[i]).abs() < tol,
                    "t {t} x {x:?}: {fd} vs {}",
                    score[i]
                );
            }
        }
    }
}

#[test]
fn log_density_at_the_ends_is_the_normal_and_the_mixture() {
    let model = LinearMixture::eight_gaussians();
    for x in POINTS {
        let normal = -(x[0] * x[0] + x[1] * x[1]) / 2.0 - std::f64::consts::TAU.ln();
        assert!((model.local(0.0, x).log_density - normal).abs() < 1e-12);
        let target = crate::target::gaussians::log_density(x);
        assert!((model.local(1.0, x).log_density - target).abs() < 1e-12);
    }
}

#[test]
fn velocity_jacobian_matches_finite_differences() {
    let mut model = LinearMixture::eight_gaussians();
    let h = 1e-6;
    for t in [0.0, 0.3, 0.7, 1.0] {
        for x in POINTS {
            let (mut v, mut jac) = ([0.0; 2], [0.0; 4]);
            model.velocity_and_jacobian(t, &x, &mut v, &mut jac);
            assert_eq!(v, model.velocity_at(t, x));
            for j in 0..2 {
                let (mut p, mut m) = (x, x);
                p[j] += h;
                m[j] -= h;
                let (vp, vm) = (model.velocity_at(t, p), model.velocity_at(t, m));
                for i in 0..2 {
                    let fd = (vp[i] - vm[i]) / (2.0 * h);
                    let exact = jac[2 * i + j];
                    assert!(
                        (fd - exact).abs() < 1e-5 * (1.0 + fd.abs()),
                        "t {t} x {x:?} ({i},{j}): {fd} vs {exact}"
                    );
                }
            }
        }
    }
}

#[test]
fn moments_match_a_large_exact_sample() {
    let model = LinearMixture::eight_gaussians();
    let n = 200_000;
    let mut x = vec![0.0; 2 * n];
    for t in [0.0, 0.5, 1.0] {
        model.sample(t, &mut StdRng::seed_from_u64(3), &mut x);
        let m = model.moments(t);
        let mean = [0, 1].map(|i| x.iter().skip(i).step_by(2).sum::<f64>() / n as f64);
        let var = [0, 1].map(|i| {
            x.iter()
                .skip(i)
                .step_by(2)
                .map(|v| (v - mean[i]).powi(2))
                .sum::<f64>()
                / n as f64
        });
        for i in 0..2 {
            let se = (m.cov[2 * i] / n as f64).sqrt();
            assert!((mean[i] - m.mean[i]).abs() < 5.0 * se, "t {t} mean {i}");
            assert!(
                (var[i] - m.cov[2 * i]).abs() < 0.02 * m.cov[2 * i],
                "t {t} var {i}"
            );
        }
    }
    // At t = 0 the standard normal; at t = 1 the 8 Gaussians: variance R²/2 + σ² per coordinate.
    let (r, s) = (
        crate::target::gaussians::RADIUS,
        crate::target::gaussians::SIGMA,
    );
    assert_eq!(model.moments(0.0).cov, [1.0, 0.0, 1.0]);
    let one = model.moments(1.0);
    assert!((one.cov[0] - (r * r / 2.0 + s * s)).abs() < 1e-12 && one.cov[1].abs() < 1e-12);
}

/// Sample mean, variance and the standard error of the variance, sqrt((m4 - s⁴)/n), of coordinate
/// `i` of row `row` (2n values a row).
fn sample_moments(rows: &[f64], n: usize, row: usize, i: usize) -> (f64, f64, f64) {
    let xs: Vec<f64> = rows[row * 2 * n..(row + 1) * 2 * n]
        .iter()
        .skip(i)
        .step_by(2)
        .copied()
        .collect();
    let mean = xs.iter().sum::<f64>() / n as f64;
    let var = xs.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1) as f64;
    let m4 = xs.iter().map(|v| (v - mean).powi(4)).sum::<f64>() / n as f64;
    (mean, var, ((m4 - var * var) / n as f64).sqrt())
}

#[test]
fn every_epsilon_keeps_the_marginals_but_not_the_paths() {
    let n = 2000;
    let epsilons = [0.5, 1.0, 2.0];
    let r = ode_and_sdes(n as u32, 11, 500, 3, &epsilons).unwrap();
    assert_eq!(r.times, vec![0.0, 0.5, 1.0]);
    let model = LinearMixture::eight_gaussians();
    for row in [1, 2] {
        let m = model.moments(r.times[row]);
        for rows in std::iter::once(&r.ode).chain(&r.sdes) {
            for i in 0..2 {
                let (mean, var, se_var) = sample_moments(rows, n, row, i);
                let exact_var = m.cov[2 * i];
                let se_mean = (exact_var / n as f64).sqrt();
                assert!(
                    (mean - m.mean[i]).abs() < 4.0 * se_mean,
                    "t {} mean {i}: {mean}",
                    r.times[row]
                );
                assert!(
                    (var - exact_var).abs() < 4.0 * se_var,
                    "t {} var {i}: {var} vs {exact_var}",
                    r.times[row]
                );
            }
        }
    }
    // The paths differ: from the same start, the endpoints move apart more as ε grows.
    let last = 2 * 2 * n;
    let apart: Vec<f64> = r
        .sdes
        .iter()
        .map(|s| {
            let d = s[last..].iter().zip(&r.ode[last..]).collect::<Vec<_>>();
            d.chunks(2)
                .map(|c| ((c[0].0 - c[0].1).powi(2) + (c[1].0 - c[1].1).powi(2)).sqrt())
                .sum::<f64>()
                / n as f64
        })
        .collect();
    assert!(
        apart[0] > 0.1 && apart[0] < apart[1] && apart[1] < apart[2],
        "{apart:?}"
    );
}

#[test]
fn euler_maruyama_converges_strongly_with_order_one() {
    // Additive noise: Euler-Maruyama's strong order is 1. Coarse runs use sums of the fine
    // Brownian increments, so all resolutions follow the same Brownian paths. One Gaussian keeps the
    // drift smooth (on the 8 Gaussians a few coarse paths switch modes and swamp the average).
    let data = GaussianMixture::new(&[1.0], &[[1.5, -0.5]], &[0.2]).unwrap();
    let mut model = LinearMixture::new(data);
    let (n, fine) = (200, 4096);
    let mut rng = StdRng::seed_from_u64(5);
    let mut start = vec![0.0; 2 * n];
    model.sample(0.0, &mut rng, &mut start);
    let t_end = 0.95;
    let dw: Vec<Vec<f64>> = (0..fine)
        .map(|_| {
            (0..n)
                .flat_map(|_| normal_pair(&mut rng).map(|z| z * (t_end / fine as f64).sqrt()))
                .collect()
        })
        .collect();
    let mut run = |steps: usize| {
        let (mut x, mut v) = (start.clone(), vec![0.0; 2 * n]);
        let per = fine / steps;
        let h = t_end / steps as f64;
        for k in 0..steps {
            let mut w = vec![0.0; 2 * n];
            for row in &dw[k * per..(k + 1) * per] {
                w.iter_mut().zip(row).for_each(|(a, b)| *a += b);
            }
            euler_maruyama_step(&mut model, 1.0, k as f64 * h, h, &mut x, &mut v, &w);
        }
        x
    };
    let reference = run(fine);
    let errors: Vec<f64> = [64, 128, 256, 512]
        .iter()
        .map(|&s| {
            let x = run(s);
            x.iter()
                .zip(&reference)
                .map(|(a, b)| (a - b).powi(2))
                .sum::<f64>()
                .sqrt()
                / (n as f64).sqrt()
        })
        .collect();
    for w in errors.windows(2) {
        let ratio = w[0] / w[1];
        assert!((1.6..2.6).contains(&ratio), "errors {errors:?}");
    }
}

#[test]
fn refuses_bad_requests() {
    assert!(ode_and_sdes(0, 1, 10, 3, &[1.0]).is_err());
    assert!(ode_and_sdes(10, 1, 0, 3, &[1.0]).is_err());
    assert!(ode_and_sdes(10, 1, 10, 1, &[1.0]).is_err());
    assert!(ode_and_sdes(10, 1, 10, 3, &[]).is_err());
    assert!(ode_and_sdes(10, 1, 10, 3, &[f64::NAN]).is_err());
    assert!(ode_and_sdes(10, 1, 10, 3, &[-1.0]).is_err());
    assert!(ode_and_sdes(10, 1, 10, 3, &[1.0; 5]).is_err());
    let mut x = vec![0.0; 4];
    let mut model = LinearMixture::eight_gaussians();
    assert!(flow_sde(&mut model, f64::INFINITY, &mut x, 0.0, &[1.0], 10, 1).is_err());
}
