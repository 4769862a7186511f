//! The likelihood gradient, training, and refused settings.

use super::super::*;
use super::{random_flow, small, XS};
use crate::density::standard_normal_log_density;
use crate::target::Target;
use rand::{rngs::StdRng, SeedableRng};

#[test]
fn gradient_matches_central_differences() {
    let mut flow = random_flow(small(), 4);
    let mut grads: Vec<Vec<f64>> = flow
        .nets()
        .iter()
        .map(|n| vec![0.0; n.n_params()])
        .collect();
    let nll = flow.nll_and_gradient(&XS, &mut grads).unwrap().nll();
    let mut lp = [0.0; 5];
    flow.log_density(&XS, &mut lp).unwrap();
    assert!((nll + lp.iter().sum::<f64>() / 5.0).abs() < 1e-12);
    let h = 1e-6;
    for (k, layer_grad) in grads.iter().enumerate() {
        for (i, &g) in layer_grad.iter().enumerate() {
            let w = flow.nets()[k].params()[i];
            let mut nll_at = |v: f64| {
                flow.nets_mut()[k].params_mut()[i] = v;
                flow.log_density(&XS, &mut lp).unwrap();
                -lp.iter().sum::<f64>() / 5.0
            };
            let fd = (nll_at(w + h) - nll_at(w - h)) / (2.0 * h);
            flow.nets_mut()[k].params_mut()[i] = w;
            assert!(
                (fd - g).abs() < 1e-7 * (1.0 + g.abs()),
                "layer {k} param {i}: {g} vs {fd}"
            );
        }
    }
}

#[test]
fn training_raises_held_out_likelihood_towards_the_entropy_bound() {
    let target = Target::EightGaussians;
    let mut held_out = vec![0.0; 4000];
    target.sample(&mut StdRng::seed_from_u64(77), &mut held_out);
    let mean_log_lik = |flow: &mut CouplingFlow| {
        let mut lp = vec![0.0; 2000];
        flow.log_density(&held_out, &mut lp).unwrap();
        lp.iter().sum::<f64>() / 2000.0
    };
    let flow = CouplingFlow::new(CouplingConfig::default(), 5).unwrap();
    let mut trainer = MaximumLikelihoodTrainer::new(flow, target.clone(), 5e-3, 256, 6).unwrap();
    let before = mean_log_lik(trainer.flow_mut());
    // The identity flow: E[log N(x)] = -(r² + 2σ²)/2 - ln 2π for 8gaussians.
    let r2 =
        crate::target::gaussians::RADIUS.powi(2) + 2.0 * crate::target::gaussians::SIGMA.powi(2);
    assert!(
        (before - (-0.5 * r2 - std::f64::consts::TAU.ln())).abs() < 0.15,
        "{before}"
    );
    for _ in 0..1500 {
        trainer.step().unwrap();
    }
    let after = mean_log_lik(trainer.flow_mut());
    // No model beats the entropy: E[log p_model] <= -H (up to the held-out sample's noise, ~0.02).
    let bound = -target.entropy().unwrap();
    assert!(after > before + 2.0, "before {before}, after {after}");
    assert!(
        after < bound + 0.05,
        "after {after} above the bound {bound}"
    );
    let samples = trainer.flow_mut().sample(500, 9).unwrap();
    assert!(samples.iter().all(|v| v.is_finite()));
}

#[test]
fn invalid_settings_are_errors() {
    let bad = |f: fn(&mut CouplingConfig)| {
        let mut c = CouplingConfig::default();
        f(&mut c);
        CouplingFlow::new(c, 0).is_err()
    };
    assert!(bad(|c| c.layers = 0));
    assert!(bad(|c| c.layers = MAX_LAYERS + 1));
    assert!(bad(|c| c.scale_bound = f64::NAN));
    assert!(bad(|c| c.width = 0));
    let mut flow = CouplingFlow::new(small(), 0).unwrap();
    assert!(flow.to_base(&mut [0.0; 3], &mut [0.0]).is_err());
    assert!(flow.log_density(&[f64::NAN, 0.0], &mut [0.0]).is_err());
    assert!(flow.sample(0, 1).is_err());
    let mut wrong = vec![vec![0.0; 1]];
    assert!(flow.nll_and_gradient(&XS, &mut wrong).is_err());
    assert!(MaximumLikelihoodTrainer::new(flow.clone(), Target::Moons, 1e-3, 0, 1).is_err());
    assert!(MaximumLikelihoodTrainer::new(flow, Target::Moons, -1.0, 8, 1).is_err());
    assert!(standard_normal_log_density(&[0.0, 0.0]) < 0.0);
}
