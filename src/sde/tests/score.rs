//! The closed-form density, score and Jacobian, and the transport of the exact log-density.

use super::super::*;
use super::tight;
use crate::field::VelocityField;
use crate::integrate::augmented::{pack, Augmentation, Divergence, DivergenceOde};
use crate::integrate::Solver;
use crate::target::gaussians;
use rand::{rngs::StdRng, SeedableRng};

const POINTS: [[f64; 2]; 5] = [[0.1, 0.2], [2.0, 0.3], [-1.5, 1.9], [0.0, -2.9], [4.0, 4.0]];

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
