use super::*;
use crate::pairing::Pairing;
use crate::path::{Path, Vp};
use crate::train::FlowMatchingTrainer;

fn run(config: TrainConfig, steps: usize) -> (FlowMatchingTrainer, Vec<f64>) {
    let mut trainer = FlowMatchingTrainer::new(config).unwrap();
    let mut losses = vec![0.0; steps];
    trainer.step_n(&gaussians(), &mut losses).unwrap();
    (trainer, losses)
}

#[test]
fn one_seed_gives_identical_parameters_and_losses() {
    let configs = [
        quick(7),
        TrainConfig {
            coupling: Pairing::OptimalTransport,
            path: Path::Vp(Vp::standard()),
            batch_size: 32,
            ..quick(7)
        },
    ];
    for config in configs {
        let (a, la) = run(config, 30);
        let (b, lb) = run(config, 30);
        assert_eq!(a.net().params(), b.net().params());
        assert_eq!(la, lb);
        assert_eq!(a.steps(), 30);
    }
}

#[test]
fn different_seeds_give_different_parameters_and_losses() {
    let (a, la) = run(quick(1), 10);
    let (b, lb) = run(quick(2), 10);
    assert_ne!(a.net().params(), b.net().params());
    assert_ne!(la, lb);
}

#[test]
fn two_calls_continue_the_same_run() {
    let (whole, losses) = run(quick(3), 20);
    let mut split = FlowMatchingTrainer::new(quick(3)).unwrap();
    let (mut first, mut second) = (vec![0.0; 12], vec![0.0; 8]);
    split.step_n(&gaussians(), &mut first).unwrap();
    split.step_n(&gaussians(), &mut second).unwrap();
    assert_eq!(whole.net().params(), split.net().params());
    assert_eq!(losses, [first, second].concat());
}
