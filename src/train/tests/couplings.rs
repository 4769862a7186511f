use super::*;
use crate::flow::Flow;
use crate::integrate::Method;
use crate::pairing::Pairing;
use crate::path::{Path, Vp};
use rand::SeedableRng;

/// Mean over trajectories of (path length) / (distance between end points) - 1: 0 for straight
/// lines, from 21 positions per trajectory.
fn excess_length(flow: &Flow, n: usize) -> f64 {
    let mut x0 = vec![0.0; 2 * n];
    crate::random::fill_standard_normal(&mut rand::rngs::StdRng::seed_from_u64(77), &mut x0);
    let times: Vec<f64> = (1..=20).map(|k| k as f64 / 20.0).collect();
    let path = flow
        .trajectories(&x0, &times, Method::Rk4 { steps: 40 })
        .unwrap();
    let at = |k: usize, i: usize| {
        if k == 0 {
            &x0[2 * i..2 * i + 2]
        } else {
            &path[(k - 1) * 2 * n + 2 * i..(k - 1) * 2 * n + 2 * i + 2]
        }
    };
    let dist = |a: &[f64], b: &[f64]| ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt();
    (0..n)
        .map(|i| {
            let length: f64 = (0..20).map(|k| dist(at(k, i), at(k + 1, i))).sum();
            length / dist(at(0, i), at(20, i)) - 1.0
        })
        .sum::<f64>()
        / n as f64
}

#[test]
fn optimal_transport_pairs_give_a_lower_loss_and_straighter_paths() {
    let train = |coupling| {
        let config = TrainConfig {
            coupling,
            batch_size: 64,
            ..quick(1)
        };
        let mut flow = Flow::new(gaussians(), config).unwrap();
        let mut losses = vec![0.0; 400];
        flow.train(&mut losses).unwrap();
        (mean(&losses[300..]), excess_length(&flow, 300))
    };
    let (independent, ot) = (
        train(Pairing::Independent),
        train(Pairing::OptimalTransport),
    );
    // Re-paired noise and data barely cross, so u_t is nearly a function of x_t: the regression
    // target is less noisy and the learned trajectories nearly straight.
    assert!(
        ot.0 < 0.3 * independent.0,
        "loss: independent {independent:?}, OT {ot:?}"
    );
    assert!(
        ot.1 < 0.25 * independent.1,
        "excess length: independent {independent:?}, OT {ot:?}"
    );
}

#[test]
fn the_vp_path_trains() {
    let config = TrainConfig {
        path: Path::Vp(Vp::standard()),
        ..quick(1)
    };
    let mut flow = Flow::new(gaussians(), config).unwrap();
    let method = Method::Rk4 { steps: 20 };
    let before = flow.evaluate(1000, 3, method).unwrap();
    let mut losses = vec![0.0; 300];
    flow.train(&mut losses).unwrap();
    let after = flow.evaluate(1000, 3, method).unwrap();
    assert!(
        mean(&losses[200..]) < 0.9 * mean(&losses[..20]),
        "losses {losses:?}"
    );
    assert!(after.nll < before.nll - 1.5, "{before:?} -> {after:?}");
    assert!(
        after.energy_distance < 0.2 * before.energy_distance,
        "{before:?} -> {after:?}"
    );
}
