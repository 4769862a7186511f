use super::*;
use crate::field::mlp::{Activation, MlpConfig};
use crate::target::Points;
use crate::train::{FlowMatchingTrainer, TrainError};

/// Learning rate 1 on deep, wide networks and data far from the origin: Adam moves every weight
/// by about ±1 in the first step, and the next forward or backward pass overflows f32.
fn explosive(depth: usize, width: usize, scale: f64, batch: usize) -> (TrainConfig, Target) {
    let points = Points::new(&[scale, -scale, -scale, 0.5 * scale], 0.0).unwrap();
    let config = TrainConfig {
        network: MlpConfig::new(depth, width, Activation::Silu).unwrap(),
        learning_rate: 1.0,
        batch_size: batch,
        ..quick(0)
    };
    (config, Target::Points(points))
}

#[test]
fn divergence_keeps_the_last_good_weights_and_optimizer_state() {
    for (config, target) in [explosive(8, 256, 1e6, 16), explosive(16, 256, 1e3, 8)] {
        let mut trainer = FlowMatchingTrainer::new(config).unwrap();
        let mut losses = vec![f64::NAN; 5];
        let err = trainer.step_n(&target, &mut losses).unwrap_err();
        let TrainError::Diverged { step, cause } = err.clone() else {
            panic!("expected divergence, got {err}");
        };
        eprintln!("{}x{}: {err}", config.network.depth, config.network.width);
        assert!((2..=5).contains(&step), "{err}");
        assert!(err.to_string().contains(&format!("step {step}")), "{err}");
        assert_eq!(trainer.steps(), step - 1);
        assert!(losses[..step as usize - 1].iter().all(|l| l.is_finite()));
        // A twin stopped after the last good step holds the same weights and Adam moments.
        let mut good = FlowMatchingTrainer::new(config).unwrap();
        let mut good_losses = vec![0.0; step as usize - 1];
        good.step_n(&target, &mut good_losses).unwrap();
        assert_eq!(trainer.net().params(), good.net().params(), "{cause:?}");
        assert!(trainer.net().params().iter().all(|p| p.is_finite()));
        let state = |t: &FlowMatchingTrainer| format!("{:?}", t.optimizer());
        assert_eq!(state(&trainer), state(&good));
        assert_eq!(losses[..step as usize - 1], good_losses[..]);
    }
}
