use super::*;
use crate::field::VelocityField;
use crate::integrate::augmented::{pack, Augmentation, Divergence, DivergenceOde};
use crate::integrate::{DopriConfig, Method, Solver};
use crate::metrics::energy_distance;
use crate::target::gaussians;
use rand::{rngs::StdRng, SeedableRng};

const POINTS: [[f64; 2]; 5] = [[0.1, 0.2], [2.0, 0.3], [-1.5, 1.9], [0.0, -2.9], [4.0, 4.0]];

fn tight() -> Method {
    Method::Dopri5(DopriConfig {
        rtol: 1e-10,
        atol: 1e-10,
        ..DopriConfig::default()
    })
}

#[test]
fn eight_gaussians_mixture_matches_the_target_density() {
    let m = GaussianMixture::eight_gaussians();
    for x in POINTS {
        let got = m.local(1.0, 0.0, x).log_density;
        assert!((got - gaussians::log_density(x)).abs() < 1e-12, "{x:?}");
    }
}

#[test]
fn score_and_its_jacobian_match_finite_differences() {
    let mut model = DiffusedMixture::eight_gaussians();
    let h = 1e-5;
    for t in [0.0, 0.4, 0.8, 0.97, 1.0] {
        for x in POINTS {
            let local = model.local(t, x);
            for i in 0..2 {
                let (mut p, mut m) = (x, x);
                p[i] += h;
                m[i] -= h;
                let (lp, lm) = (model.local(t, p), model.local(t, m));
                let fd = (lp.log_density - lm.log_density) / (2.0 * h);
                let scale = 1.0 + local.score[i].abs();
                assert!((fd - local.score[i]).abs() < 1e-6 * scale, "t {t} x {x:?}");
                for r in 0..2 {
                    let fd = (lp.score[r] - lm.score[r]) / (2.0 * h);
                    let exact = local.hessian[2 * r + i];
                    assert!(
                        (fd - exact).abs() < 1e-5 * (1.0 + exact.abs()),
                        "t {t} x {x:?}"
                    );
                }
            }
            // The probability-flow field is β/2 (x + score) with Jacobian β/2 (I + Hessian).
            let beta = model.schedule(t).beta;
            let (mut v, mut j) = ([0.0; 2], [0.0; 4]);
            model.velocity_and_jacobian(t, &x, &mut v, &mut j);
            assert!((v[0] - 0.5 * beta * (x[0] + local.score[0])).abs() < 1e-12);
            assert!((j[0] - 0.5 * beta * (1.0 + local.hessian[0])).abs() < 1e-12);
        }
    }
}

#[test]
fn probability_flow_carries_the_exact_log_density() {
    // Along the ODE, log p_t1(x_t1) = log p_t0(x_t0) - ∫ div v: the closed-form marginals must agree.
    let mut model = DiffusedMixture::eight_gaussians();
    let mut x0 = vec![0.0; 40];
    model.sample(0.0, &mut StdRng::seed_from_u64(3), &mut x0);
    for t1 in [0.5, model.t_max()] {
        let mut state = vec![0.0; 60];
        pack(&x0, Divergence::INITIAL, &mut state).unwrap();
        let mut solver = Solver::new(tight()).unwrap();
        solver
            .integrate(
                &mut DivergenceOde::new(&mut model, Divergence),
                0.0,
                t1,
                &mut state,
            )
            .unwrap();
        for (x, r) in x0.chunks_exact(2).zip(state.chunks_exact(3)) {
            let start = model.local(0.0, [x[0], x[1]]).log_density;
            let end = model.local(t1, [r[0], r[1]]).log_density;
            assert!(
                (start - r[2] - end).abs() < 1e-5,
                "t1 {t1}: {start} - {} vs {end}",
                r[2]
            );
        }
    }
}

/// Mean energy distance between pairs of independent exact samples of p_t: the Monte Carlo floor.
fn exact_floor(model: &DiffusedMixture, t: f64, n: usize) -> f64 {
    let mut rng = StdRng::seed_from_u64(99);
    let (mut a, mut b) = (vec![0.0; 2 * n], vec![0.0; 2 * n]);
    let reps = 4;
    (0..reps)
        .map(|_| {
            model.sample(t, &mut rng, &mut a);
            model.sample(t, &mut rng, &mut b);
            energy_distance(&a, &b).unwrap()
        })
        .sum::<f64>()
        / reps as f64
}

#[test]
fn ode_and_sde_samplers_reproduce_the_marginals() {
    let mut model = DiffusedMixture::eight_gaussians();
    let n = 2000;
    let times = [0.5, model.t_max()];
    let mut start = vec![0.0; 2 * n];
    model.sample(0.0, &mut StdRng::seed_from_u64(1), &mut start);
    let mut x = start.clone();
    let ode =
        probability_flow(&mut model, &mut x, 0.0, &times, Method::Rk4 { steps: 200 }).unwrap();
    let mut x = start.clone();
    let sde = reverse_sde(&model, &mut x, 0.0, &times, 1000, 7).unwrap();
    let mut exact = vec![0.0; 2 * n];
    for (k, &t) in times.iter().enumerate() {
        model.sample(t, &mut StdRng::seed_from_u64(50 + k as u64), &mut exact);
        let floor = exact_floor(&model, t, n);
        // Power: the marginal earlier by 0.15 is told apart at this sample size.
        let mut earlier = vec![0.0; 2 * n];
        model.sample(t - 0.15, &mut StdRng::seed_from_u64(60), &mut earlier);
        let ed_earlier = energy_distance(&earlier, &exact).unwrap();
        assert!(
            ed_earlier > 4.0 * floor,
            "t {t}: {ed_earlier} vs floor {floor}"
        );
        for (name, traj) in [("ode", &ode), ("sde", &sde)] {
            let row = &traj[k * 2 * n..(k + 1) * 2 * n];
            let ed = energy_distance(row, &exact).unwrap();
            assert!(
                ed < 4.0 * floor,
                "{name} at t {t}: energy distance {ed}, floor {floor}"
            );
            // E|x|² of the marginal: Σ π_k (α² |μ_k|² + 2 (α² v_k + σ²)).
            let s = model.schedule(t);
            let v = s.alpha.powi(2) * gaussians::SIGMA.powi(2) + s.sigma.powi(2);
            let m2 = s.alpha.powi(2) * gaussians::RADIUS.powi(2) + 2.0 * v;
            let got = row.iter().map(|c| c * c).sum::<f64>() / n as f64;
            assert!(
                (got - m2).abs() < 0.05 * m2,
                "{name} at t {t}: E|x|² {got} vs {m2}"
            );
        }
    }
    // The two samplers differ path by path: the SDE's noise moves points between modes.
    let moved = ode
        .iter()
        .zip(&sde)
        .filter(|(a, b)| (*a - *b).abs() > 0.5)
        .count();
    assert!(moved > n / 4, "{moved}");
}

#[test]
fn invalid_inputs_are_errors() {
    let mut model = DiffusedMixture::eight_gaussians();
    let mut x = [0.0, 0.0];
    assert!(reverse_sde(&model, &mut x, 0.0, &[0.5], 0, 1).is_err());
    assert!(reverse_sde(&model, &mut x, 0.6, &[0.5], 10, 1).is_err());
    assert!(probability_flow(&mut model, &mut x, 0.0, &[1.5], tight()).is_err());
    assert!(probability_flow(&mut model, &mut [0.0; 3], 0.0, &[0.5], tight()).is_err());
    assert!(GaussianMixture::new(&[1.0], &[[0.0, 0.0]], &[0.0]).is_err());
    assert!(GaussianMixture::new(&[], &[], &[]).is_err());
}
