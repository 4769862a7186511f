//! One reflow step on 8 Gaussians: the retrained flow is straighter and its one-step samples better.

use super::*;
use crate::flow::Flow;
use crate::integrate::Method;
use crate::metrics::energy_distance;
use crate::pairing::{ReflowPairs, ReflowPlan};
use crate::random::fill_standard_normal;
use rand::{rngs::StdRng, SeedableRng};

/// Liu et al.'s straightness S = ∫ E‖(x1 − x0) − v(x_t, t)‖² dt along the model's own ODE paths
/// (RK4, 40 steps, recorded at 40 times, midpoint rule in t): 0 for straight paths.
fn straightness(flow: &Flow, n: usize) -> f64 {
    let mut x0 = vec![0.0; 2 * n];
    fill_standard_normal(&mut StdRng::seed_from_u64(77), &mut x0);
    let k = 40;
    let times: Vec<f64> = (0..=k).map(|j| j as f64 / k as f64).collect();
    let rows = flow
        .trajectories(&x0, &times, Method::Rk4 { steps: k })
        .unwrap();
    let row = |j: usize| &rows[j * 2 * n..(j + 1) * 2 * n];
    let (start, end) = (row(0), row(k));
    let mut total = 0.0;
    for j in 0..k {
        // The velocity on [t_j, t_j+1] is the chord over the step (RK4's average velocity).
        let (a, b) = (row(j), row(j + 1));
        for i in 0..2 * n {
            let v = (b[i] - a[i]) * k as f64;
            total += (end[i] - start[i] - v).powi(2) / k as f64;
        }
    }
    total / n as f64
}

/// Energy distance between n samples of one Euler step and n samples of the target.
fn one_step_quality(flow: &Flow, n: usize) -> f64 {
    let samples = flow.sample(n, 5, Method::Euler { steps: 1 }).unwrap();
    let mut data = vec![0.0; 2 * n];
    gaussians().sample(&mut StdRng::seed_from_u64(6), &mut data);
    energy_distance(&samples, &data).unwrap()
}

#[test]
fn one_reflow_step_straightens_the_paths_and_improves_one_step_samples() {
    // The lab's setting: M64 at batch 256, learning rate 1e-3, 3000 steps; the reflowed model
    // switches to its own pairs after 2000 (ReflowPlan::default), the control keeps independent ones.
    let config = TrainConfig::default();
    let mut control = Flow::new(gaussians(), config).unwrap();
    control.train(&mut vec![0.0; 3000]).unwrap();
    let plan = ReflowPlan::default();
    let mut reflowed = Flow::new(gaussians(), config).unwrap().with_reflow(plan);
    reflowed.train(&mut vec![0.0; 1999]).unwrap();
    assert!(reflowed.trainer().reflow().is_none());
    // One call across the switch: 1 step before it, the pool, 1000 steps on it.
    reflowed.train(&mut vec![0.0; 1001]).unwrap();
    assert_eq!(reflowed.trainer().steps(), 3000);
    assert_eq!(
        reflowed.trainer().reflow().map(ReflowPairs::len),
        Some(plan.pairs)
    );

    let n = 1000;
    let (s_control, s_reflow) = (straightness(&control, n), straightness(&reflowed, n));
    let (q_control, q_reflow) = (
        one_step_quality(&control, n),
        one_step_quality(&reflowed, n),
    );
    assert!(
        s_reflow < 0.5 * s_control,
        "straightness {s_control} -> {s_reflow}"
    );
    assert!(
        q_reflow < 0.5 * q_control,
        "one-step energy distance {q_control} -> {q_reflow}"
    );
    // Many steps: the reflowed model still samples the target (its pairs came from the base model).
    let many = reflowed.sample(n, 5, Method::Rk4 { steps: 40 }).unwrap();
    let mut data = vec![0.0; 2 * n];
    gaussians().sample(&mut StdRng::seed_from_u64(6), &mut data);
    let q_many = energy_distance(&many, &data).unwrap();
    assert!(q_many < q_reflow, "RK4: {q_many}, one step: {q_reflow}");
}

#[test]
fn reflow_pairs_follow_the_field_and_refuse_bad_requests() {
    // The field v = x has the flow x_t = e^t x0: every pair is (x0, e x0).
    let mut field = crate::field::analytic::Affine::linear([1.0, 0.0, 0.0, 1.0]);
    let pairs = ReflowPairs::generate(&mut field, 50, 1.0, 40, 1).unwrap();
    for (a, b) in pairs.x0().iter().zip(pairs.x1()) {
        assert!((b - std::f64::consts::E * a).abs() < 1e-6 * (1.0 + a.abs()));
    }
    let (mut x0, mut x1) = (vec![0.0; 20], vec![0.0; 20]);
    pairs.draw(&mut StdRng::seed_from_u64(2), &mut x0, &mut x1);
    for (a, b) in x0.iter().zip(&x1) {
        assert!((b - std::f64::consts::E * a).abs() < 1e-6 * (1.0 + a.abs()));
    }
    assert!(ReflowPairs::generate(&mut field, 0, 1.0, 40, 1).is_err());
    assert!(ReflowPairs::generate(&mut field, 10, 0.0, 40, 1).is_err());
    assert!(ReflowPairs::generate(&mut field, 10, 1.0, 0, 1).is_err());
    let mut wild = crate::field::analytic::Affine::linear([1e80, 0.0, 0.0, 1e80]);
    let err = ReflowPairs::generate(&mut wild, 10, 1.0, 1, 1).unwrap_err();
    assert!(err.starts_with("reflow: "), "{err}");
}
