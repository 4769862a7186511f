//! The split of the log-likelihood into its two terms, the step count, and divergence.

use super::super::*;
use super::{random_flow, small, XS};
use crate::target::{Points, Target};

#[test]
fn base_and_log_det_terms_are_the_two_means_and_sum_to_the_log_likelihood() {
    let mut flow = random_flow(CouplingConfig::default(), 11);
    let terms = flow.terms(&XS).unwrap();
    // Independently: z and ln|det| from to_base, log N(z) written out.
    let (mut z, mut ld) = (XS, [0.0; 5]);
    flow.to_base(&mut z, &mut ld).unwrap();
    let two_pi = std::f64::consts::TAU;
    let base: f64 = z
        .chunks_exact(2)
        .map(|p| -0.5 * (p[0] * p[0] + p[1] * p[1]) - two_pi.ln())
        .sum::<f64>()
        / 5.0;
    let log_det = ld.iter().sum::<f64>() / 5.0;
    assert!(
        (terms.base - base).abs() < 1e-12,
        "{} vs {base}",
        terms.base
    );
    assert!((terms.log_det - log_det).abs() < 1e-12);
    assert!(terms.log_det.abs() > 0.05, "a trivial log-determinant");
    let mut lp = [0.0; 5];
    flow.log_density(&XS, &mut lp).unwrap();
    let mean = lp.iter().sum::<f64>() / 5.0;
    assert!((terms.log_likelihood() - mean).abs() < 1e-12);
    let mut grads: Vec<Vec<f64>> = flow
        .nets()
        .iter()
        .map(|n| vec![0.0; n.n_params()])
        .collect();
    let same = flow.nll_and_gradient(&XS, &mut grads).unwrap();
    assert_eq!(same, terms);
    assert!((same.nll() + mean).abs() < 1e-12);
}

#[test]
fn a_diverging_step_is_an_error_that_keeps_the_weights_and_the_step_count() {
    // Every layer scales by e^20 (the output bias of the log-scale r saturates s = 20 tanh(r/20)):
    // each coordinate is scaled by 20 of the 40 layers, so 10^6 lands near 10^6 e^400 ~ 10^180,
    // whose square overflows: log N(f(x)) = -inf.
    let config = CouplingConfig {
        layers: 40,
        scale_bound: 20.0,
        ..small()
    };
    let mut flow = CouplingFlow::new(config, 12).unwrap();
    for net in flow.nets_mut() {
        let last = *net.layout().layers().last().unwrap();
        net.params_mut()[last.bias] = 1e3;
    }
    let far = Target::Points(Points::new(&[1e6, 1e6, -1e6, 1e6], 0.0).unwrap());
    let before: Vec<Vec<f64>> = flow.nets().iter().map(|n| n.params().to_vec()).collect();
    let mut trainer = MaximumLikelihoodTrainer::new(flow, far, 1e-2, 8, 3).unwrap();
    let err = trainer.step().unwrap_err();
    assert!(err.contains("diverged"), "{err}");
    let after: Vec<Vec<f64>> = trainer
        .flow()
        .nets()
        .iter()
        .map(|n| n.params().to_vec())
        .collect();
    assert_eq!(before, after);
    assert_eq!(trainer.steps(), 0);
    // A healthy target trains and counts its steps; each loss is -(base + log_det).
    let mut good =
        MaximumLikelihoodTrainer::new(random_flow(small(), 12), Target::Moons, 1e-2, 8, 3).unwrap();
    for _ in 0..3 {
        let t = good.step().unwrap();
        assert!(t.is_finite() && (t.nll() + t.base + t.log_det).abs() < 1e-12);
    }
    assert_eq!(good.steps(), 3);
    assert_ne!(
        good.flow().nets()[0].params(),
        random_flow(small(), 12).nets()[0].params()
    );
}

#[test]
fn divergence_after_an_update_undoes_that_update() {
    // Far data and |s| < 20 over 40 layers: the identity's loss is finite, but weights with every
    // log-scale saturated (as a bad update might leave them) overflow.
    let config = CouplingConfig {
        layers: 40,
        scale_bound: 20.0,
        ..small()
    };
    let far = Target::Points(Points::new(&[1e6, 1e6, -1e6, 1e6], 0.0).unwrap());
    let mut trainer =
        MaximumLikelihoodTrainer::new(CouplingFlow::new(config, 12).unwrap(), far, 1e-2, 8, 3)
            .unwrap();
    let weights = |t: &MaximumLikelihoodTrainer| -> Vec<Vec<f64>> {
        t.flow()
            .nets()
            .iter()
            .map(|n| n.params().to_vec())
            .collect()
    };
    let start = weights(&trainer);
    trainer.step().unwrap();
    assert_eq!(trainer.steps(), 1);
    for net in trainer.flow_mut().nets_mut() {
        let last = *net.layout().layers().last().unwrap();
        net.params_mut()[last.bias] = 1e3;
    }
    let err = trainer.step().unwrap_err();
    assert!(err.contains("the last update is undone"), "{err}");
    assert_eq!(
        weights(&trainer),
        start,
        "back to the weights before the update"
    );
    assert_eq!(trainer.steps(), 0);
    assert!(
        trainer.step().unwrap().is_finite(),
        "and training goes on from there"
    );
}
