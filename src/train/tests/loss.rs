use super::*;
use crate::train::FlowMatchingTrainer;

#[test]
fn reported_loss_is_the_batch_mean_of_squared_errors_on_the_linear_path() {
    let mut trainer = FlowMatchingTrainer::new(quick(11)).unwrap();
    let mut warmup = vec![0.0; 40];
    for k in 0..3 {
        let before = trainer.net().clone();
        let loss = trainer.step(&gaussians()).unwrap();
        let b = trainer.batch();
        // sigma_min = 0: x_t = t x1 + (1 - t) x0 and u_t = x1 - x0, from the paired data.
        for (i, &t) in b.t.iter().enumerate() {
            assert!((0.0..1.0).contains(&t));
            for c in [2 * i, 2 * i + 1] {
                let xt = t * b.x1[c] + (1.0 - t) * b.x0[c];
                assert!((b.xt[c] - xt).abs() <= 1e-14 * (1.0 + xt.abs()));
                assert_eq!(b.ut[c], b.x1[c] - b.x0[c]);
            }
        }
        let expected = reference_loss(&before, &b.xt, &b.t, &b.ut);
        assert!(
            (loss - expected).abs() <= 1e-12 * expected,
            "step {k}: reported {loss}, recomputed {expected}"
        );
        trainer.step_n(&gaussians(), &mut warmup).unwrap();
    }
}

#[test]
fn gradient_is_that_of_the_reported_loss() {
    let mut trainer = FlowMatchingTrainer::new(quick(12)).unwrap();
    let mut warmup = vec![0.0; 30];
    trainer.step_n(&gaussians(), &mut warmup).unwrap();
    let before: Mlp<f64> = trainer.net().cast();
    trainer.step(&gaussians()).unwrap();
    let (b, grad) = (trainer.batch(), trainer.gradient());
    let rms = (grad.iter().map(|g| (*g as f64).powi(2)).sum::<f64>() / grad.len() as f64).sqrt();
    let n = grad.len();
    let h = 1e-5;
    for i in [0, 1, 200, 2000, n / 2, n - 130, n - 3, n - 1] {
        let shifted = |delta: f64| {
            let mut net = before.clone();
            net.params_mut()[i] += delta;
            reference_loss(&net, &b.xt, &b.t, &b.ut)
        };
        let fd = (shifted(h) - shifted(-h)) / (2.0 * h);
        let g = grad[i] as f64;
        assert!(
            (g - fd).abs() <= 1e-3 * fd.abs() + 1e-4 * rms,
            "parameter {i}: gradient {g}, finite difference {fd}"
        );
    }
}

#[test]
fn loss_decreases_on_eight_gaussians() {
    let mut trainer = FlowMatchingTrainer::new(quick(13)).unwrap();
    let mut losses = vec![0.0; 400];
    trainer.step_n(&gaussians(), &mut losses).unwrap();
    let (first, last) = (mean(&losses[..20]), mean(&losses[350..]));
    // At initialisation v ≈ 0, so L ≈ E||x1 - x0||² = r² + 2 sigma² + 2 = 10.25 for FFJORD's
    // 8 Gaussians (r = 4/1.414, sigma = 0.5/1.414).
    assert!((8.5..12.5).contains(&first), "first losses {first}");
    // The loss cannot reach 0 (u_t is random given x_t; a long run levels off near 5.7), so a
    // drop by a quarter within 400 steps is learning.
    assert!(last < 0.75 * first, "losses {first} -> {last}");
}
