use super::*;
use crate::density::{standard_normal_log_density, Grid};
use crate::target::Target;
use rand::{rngs::StdRng, Rng, SeedableRng};

/// A flow far from the identity: every weight redrawn from U(-0.6, 0.6).
fn random_flow(config: CouplingConfig, seed: u64) -> CouplingFlow {
    let mut flow = CouplingFlow::new(config, seed).unwrap();
    let mut rng = StdRng::seed_from_u64(seed + 100);
    for net in flow.nets_mut() {
        for p in net.params_mut() {
            *p = rng.random_range(-0.6..0.6);
        }
    }
    flow
}

fn small() -> CouplingConfig {
    CouplingConfig {
        layers: 3,
        depth: 1,
        width: 5,
        ..CouplingConfig::default()
    }
}

const XS: [f64; 10] = [0.3, -0.2, 1.5, 0.7, -2.0, 1.1, 0.0, 0.0, -0.4, -2.6];

#[test]
fn inverse_undoes_the_flow_and_a_new_flow_is_the_identity() {
    let mut flow = random_flow(CouplingConfig::default(), 1);
    let (mut z, mut ld) = (XS, [0.0; 5]);
    flow.to_base(&mut z, &mut ld).unwrap();
    assert!(
        z.iter().zip(&XS).any(|(a, b)| (a - b).abs() > 0.1),
        "not a trivial map"
    );
    flow.to_data(&mut z).unwrap();
    for (a, b) in z.iter().zip(&XS) {
        assert!((a - b).abs() < 1e-12, "{a} vs {b}");
    }
    let mut fresh = CouplingFlow::new(CouplingConfig::default(), 1).unwrap();
    let (mut z, mut ld) = (XS, [1.0; 5]);
    fresh.to_base(&mut z, &mut ld).unwrap();
    assert_eq!((z, ld), (XS, [0.0; 5]));
}

#[test]
fn log_det_matches_finite_difference_jacobian_and_stages_add_up() {
    let mut flow = random_flow(CouplingConfig::default(), 2);
    let h = 1e-6;
    let (mut z, mut ld) = (XS, [0.0; 5]);
    flow.to_base(&mut z, &mut ld).unwrap();
    for (i, p) in XS.chunks_exact(2).enumerate() {
        let mut col = |k: usize| {
            let (mut up, mut down) = ([p[0], p[1]], [p[0], p[1]]);
            up[k] += h;
            down[k] -= h;
            let mut l = [0.0];
            flow.to_base(&mut up, &mut l).unwrap();
            flow.to_base(&mut down, &mut l).unwrap();
            [(up[0] - down[0]) / (2.0 * h), (up[1] - down[1]) / (2.0 * h)]
        };
        let (c0, c1) = (col(0), col(1));
        let fd = (c0[0] * c1[1] - c1[0] * c0[1]).abs().ln();
        assert!((fd - ld[i]).abs() < 1e-6, "point {i}: {fd} vs {}", ld[i]);
    }
    let stages = flow.stages(&XS).unwrap();
    let layers = flow.config().layers;
    assert_eq!(stages.positions.len(), (layers + 1) * 10);
    assert_eq!(stages.positions[..10], XS);
    assert_eq!(stages.positions[layers * 10..], z);
    for (i, total) in ld.iter().enumerate() {
        let sum: f64 = (0..layers).map(|k| stages.log_dets[k * 5 + i]).sum();
        assert!((sum - total).abs() < 1e-12);
    }
}

#[test]
fn model_density_mass_in_a_box_matches_the_fraction_of_samples_in_it() {
    let mut flow = random_flow(CouplingConfig::default(), 3);
    let half = 10.0;
    let grid = Grid::new(250, 250, [-half, half], [-half, half]).unwrap();
    let mut points = vec![0.0; 2 * grid.len()];
    grid.points(&mut points).unwrap();
    let mut lp = vec![0.0; grid.len()];
    flow.log_density(&points, &mut lp).unwrap();
    let mass: f64 = lp.iter().map(|l| l.exp()).sum::<f64>() * grid.cell_area();
    // Independent estimate: the share of the model's own samples (by the inverse) inside the box.
    let n = 40_000;
    let samples = flow.sample(n, 8).unwrap();
    let inside = samples
        .chunks_exact(2)
        .filter(|p| p[0].abs() < half && p[1].abs() < half)
        .count() as f64
        / n as f64;
    // Binomial standard error below 0.0025; the grid error is far smaller.
    assert!(
        (mass - inside).abs() < 0.01,
        "mass {mass}, share of samples {inside}"
    );
    assert!(mass > 0.5, "the box should hold most of the mass: {mass}");
}

#[test]
fn gradient_matches_central_differences() {
    let mut flow = random_flow(small(), 4);
    let mut grads: Vec<Vec<f64>> = flow
        .nets()
        .iter()
        .map(|n| vec![0.0; n.n_params()])
        .collect();
    let nll = flow.nll_and_gradient(&XS, &mut grads).unwrap();
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
    let mut trainer = Trainer::new(flow, target.clone(), 5e-3, 256, 6).unwrap();
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
    assert!(Trainer::new(flow.clone(), Target::Moons, 1e-3, 0, 1).is_err());
    assert!(Trainer::new(flow, Target::Moons, -1.0, 8, 1).is_err());
    assert!(standard_normal_log_density(&[0.0, 0.0]) < 0.0);
}
