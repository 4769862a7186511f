use super::*;

#[test]
fn training_improves_every_score() {
    let untrained = Flow::new(Target::EightGaussians, TrainConfig::default()).unwrap();
    let (before, after) = (
        untrained.evaluate(500, 1, RK4_20).unwrap(),
        trained().evaluate(500, 1, RK4_20).unwrap(),
    );
    assert!(after.nll < before.nll - 0.5, "{before:?} -> {after:?}");
    assert!(
        after.energy_distance < 0.5 * before.energy_distance,
        "{before:?} -> {after:?}"
    );
    assert!(
        after.sliced_w2 < 0.7 * before.sliced_w2,
        "{before:?} -> {after:?}"
    );
    let h = Target::EightGaussians.entropy().unwrap();
    assert_eq!(after.entropy, Some(h));
    assert_eq!(after.kl, Some(after.nll - h));
    assert!(after.nll_sem > 0.0 && after.nll_sem < 0.2);
    assert_eq!(after, trained().evaluate(500, 1, RK4_20).unwrap());
    assert_ne!(after.nll, trained().evaluate(500, 2, RK4_20).unwrap().nll);
}

#[test]
fn targets_without_a_closed_form_density_have_no_entropy() {
    let flow = Flow::new(Target::Moons, TrainConfig::default()).unwrap();
    let e = flow.evaluate(50, 0, Method::Euler { steps: 4 }).unwrap();
    assert_eq!((e.entropy, e.kl), (None, None));
    assert!(e.nll.is_finite() && e.energy_distance > 0.0 && e.sliced_w2 > 0.0);
}
