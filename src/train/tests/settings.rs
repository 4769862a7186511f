use super::*;
use crate::field::mlp::{Activation, MlpConfig};
use crate::pairing::Pairing;
use crate::train::{FlowMatchingTrainer, TrainError};

#[test]
fn bad_settings_are_refused_with_a_message() {
    let bad = [
        (
            TrainConfig {
                batch_size: 0,
                ..quick(0)
            },
            "batch size",
        ),
        (
            TrainConfig {
                batch_size: 4097,
                ..quick(0)
            },
            "batch size",
        ),
        (
            TrainConfig {
                batch_size: 2049,
                coupling: Pairing::OptimalTransport,
                ..quick(0)
            },
            "optimal-transport",
        ),
        (
            TrainConfig {
                learning_rate: 0.0,
                ..quick(0)
            },
            "learning rate",
        ),
        (
            TrainConfig {
                learning_rate: -1e-3,
                ..quick(0)
            },
            "learning rate",
        ),
        (
            TrainConfig {
                learning_rate: 1.5,
                ..quick(0)
            },
            "learning rate",
        ),
        (
            TrainConfig {
                learning_rate: f64::NAN,
                ..quick(0)
            },
            "learning rate",
        ),
        (
            TrainConfig {
                learning_rate: f64::INFINITY,
                ..quick(0)
            },
            "learning rate",
        ),
        (
            TrainConfig {
                network: MlpConfig {
                    depth: 0,
                    width: 8,
                    activation: Activation::Silu,
                },
                ..quick(0)
            },
            "depth",
        ),
    ];
    for (config, word) in bad {
        let err = FlowMatchingTrainer::new(config).unwrap_err();
        assert!(err.contains(word), "{config:?}: {err}");
    }
    for good in [1, 4096] {
        assert!(FlowMatchingTrainer::new(TrainConfig {
            batch_size: good,
            ..quick(0)
        })
        .is_ok());
    }
    let ot = TrainConfig {
        batch_size: 2048,
        coupling: Pairing::OptimalTransport,
        ..quick(0)
    };
    assert!(FlowMatchingTrainer::new(ot).is_ok());
    assert!(FlowMatchingTrainer::new(TrainConfig {
        learning_rate: 1.0,
        ..quick(0)
    })
    .is_ok());
}

#[test]
fn step_counts_per_call_are_capped() {
    let mut trainer = FlowMatchingTrainer::new(quick(0)).unwrap();
    for n in [0, 100_001] {
        let mut losses = vec![0.0; n];
        let err = trainer.step_n(&gaussians(), &mut losses).unwrap_err();
        assert_eq!(err, TrainError::InvalidSteps(n));
        assert!(err.to_string().contains("100000"), "{err}");
    }
    assert_eq!(trainer.steps(), 0);
}

#[test]
fn learning_rate_can_be_changed_within_bounds() {
    let mut trainer = FlowMatchingTrainer::new(quick(0)).unwrap();
    for bad in [0.0, 2.0, f64::NAN] {
        assert!(trainer.set_learning_rate(bad).is_err());
    }
    trainer.set_learning_rate(5e-4).unwrap();
    assert_eq!(trainer.config().learning_rate, 5e-4);
    assert!(trainer.step(&gaussians()).is_ok());
}

#[test]
fn a_network_of_another_shape_is_refused() {
    let net = Mlp::<f32>::new(MlpConfig::new(2, 16, Activation::Tanh).unwrap(), 0).unwrap();
    let err = FlowMatchingTrainer::with_network(quick(0), net, 0).unwrap_err();
    assert!(err.contains("network"), "{err}");
}
