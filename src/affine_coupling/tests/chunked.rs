//! The figure's calls on the coupling flow: refused settings, training chunks and their terms, chunked
//! evaluation against the flow's own one-shot methods, and held-out scores of the identity flow.

use crate::affine_coupling::chunked::{count, held_out, per_point, points, sample, train_chunk};
use crate::affine_coupling::settings::{chunk_points, CouplingSettings, ACTIVATION_BUDGET};
use crate::target::gaussians::{RADIUS, SIGMA};

fn with(f: fn(&mut CouplingSettings)) -> Result<(), String> {
    let mut s = CouplingSettings::default();
    f(&mut s);
    s.trainer().map(|_| ())
}

#[test]
fn bad_settings_are_errors_with_a_reason() {
    assert!(with(|_| {}).is_ok());
    assert!(with(|s| s.layers = 0).unwrap_err().contains("layers"));
    assert!(with(|s| s.layers = 1000).unwrap_err().contains("layers"));
    assert!(with(|s| s.width = 0).is_err());
    assert!(with(|s| s.depth = 0).is_err());
    assert!(with(|s| s.lr = f64::NAN).unwrap_err().contains("lr"));
    assert!(with(|s| s.lr = 2.0).unwrap_err().contains("lr"));
    assert!(with(|s| s.batch = 0).is_err());
    assert!(with(|s| s.scale_bound = -1.0).is_err());
    assert!(with(|s| s.activation = "relu".into()).is_err());
    assert!(with(|s| s.target = "points".into()).is_err());
    assert!(with(|s| s.batch = 60_000).unwrap_err().contains("at most"));
    assert!(
        with(|s| (s.layers, s.width, s.depth, s.batch) = (64, 1024, 16, 1))
            .unwrap_err()
            .contains("weights")
    );
    let config = CouplingSettings::default().config().unwrap();
    assert_eq!(
        chunk_points(&config),
        ACTIVATION_BUDGET / (8 * (3 * 2 * 32 + 9))
    );
}

#[test]
fn the_weight_count_is_the_flows() {
    for (layers, width, depth) in [(8, 32, 2), (1, 1, 1), (3, 17, 4)] {
        let settings = CouplingSettings {
            layers,
            width,
            depth,
            ..CouplingSettings::default()
        };
        let trainer = settings.trainer().unwrap();
        assert_eq!(settings.weights(), trainer.flow().n_params());
    }
}

#[test]
fn a_chunk_of_steps_reports_each_loss_as_minus_the_sum_of_its_terms() {
    let mut trainer = CouplingSettings::default().trainer().unwrap();
    assert!(train_chunk(&mut trainer, 0).is_err());
    assert!(train_chunk(&mut trainer, 10_001).is_err());
    let chunk = train_chunk(&mut trainer, 40).unwrap();
    assert_eq!(trainer.steps(), 40);
    assert_eq!(chunk.losses.len(), 40);
    for ((l, b), d) in chunk.losses.iter().zip(&chunk.base).zip(&chunk.log_det) {
        assert!((l + b + d).abs() < 1e-12);
    }
    // The identity flow starts with ln|det| = 0 exactly; training moves it.
    assert_eq!(chunk.log_det[0], 0.0);
    assert!(chunk.log_det[39].abs() > 1e-3);
}

#[test]
fn chunked_density_and_samples_equal_the_one_shot_methods() {
    let mut trainer = CouplingSettings::default().trainer().unwrap();
    train_chunk(&mut trainer, 30).unwrap();
    let flow = trainer.flow_mut();
    let xs: Vec<f64> = (0..22).map(|i| (i as f64 * 0.7).sin() * 2.5).collect();
    let (base, log_det) = per_point(flow, &xs, 3).unwrap();
    let mut lp = vec![0.0; 11];
    flow.log_density(&xs, &mut lp).unwrap();
    for ((b, d), l) in base.iter().zip(&log_det).zip(&lp) {
        assert!((b + d - l).abs() < 1e-12, "{b} + {d} vs {l}");
    }
    assert_eq!(sample(flow, 13, 5, 4).unwrap(), flow.sample(13, 5).unwrap());
    assert!(per_point(flow, &[0.0, f64::NAN], 3).is_err());
    assert!(points(&[0.0, 1.0, 2.0], 10).is_err());
    assert!(points(&[], 10).is_err());
    assert!(points(&[0.0; 8], 3).unwrap_err().contains("1..=3"));
    assert!(count(0).is_err() && count(u32::MAX).is_err());
}

#[test]
fn held_out_scores_of_the_identity_flow_are_the_closed_form() {
    let mut trainer = CouplingSettings::default().trainer().unwrap();
    let entropy = trainer.target().entropy();
    let h = held_out(&mut trainer, entropy, 20_000, 3).unwrap();
    // f = identity: E[log N(x)] = -(R² + 2σ²)/2 - ln 2π for 8 Gaussians, and ln|det| = 0.
    let exact = -0.5 * (RADIUS * RADIUS + 2.0 * SIGMA * SIGMA) - std::f64::consts::TAU.ln();
    assert_eq!(h.log_det, 0.0);
    assert!(
        (h.base - exact).abs() < 4.0 * h.nll_sem,
        "{} vs {exact}",
        h.base
    );
    assert!((h.nll + h.base).abs() < 1e-12);
    let (entropy, kl) = (h.entropy.unwrap(), h.kl.unwrap());
    assert!((kl - (h.nll - entropy)).abs() < 1e-12 && kl > 1.0);
    assert!(held_out(&mut trainer, None, 1, 3).is_err());
}
