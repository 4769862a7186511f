//! Adam against its closed-form first step and on a quadratic; the finiteness check.

use flowlab::optim::{all_finite, Adam, AdamConfig};

#[test]
fn first_step_is_lr_times_g_over_abs_g_plus_eps() {
    let lr = 0.01;
    let mut adam = Adam::<f64>::new(4, lr).unwrap();
    let mut params = vec![1.0, -2.0, 0.5, 3.0];
    let grad = [0.3, -7.0, 1e-3, -2e-4];
    let start = params.clone();
    adam.step(&mut params, &grad).unwrap();
    for ((p, p0), g) in params.iter().zip(&start).zip(&grad) {
        let expected = p0 - lr * g / (g.abs() + 1e-8);
        assert!((p - expected).abs() < 1e-15, "{p} vs {expected}");
        assert!(
            (p0 - p - lr * g.signum()).abs() <= lr * 1e-8 / g.abs() + 1e-15,
            "{p0} -> {p} not lr sign({g})"
        );
    }
    assert_eq!(adam.steps(), 1);
}

#[test]
fn second_step_matches_the_bias_corrected_recursion() {
    let (lr, b1, b2, eps): (f64, f64, f64, f64) = (0.1, 0.9, 0.999, 1e-8);
    let mut adam = Adam::<f64>::new(1, lr).unwrap();
    let mut p = [2.0];
    adam.step(&mut p, &[1.0]).unwrap();
    adam.step(&mut p, &[-3.0]).unwrap();
    let m = b1 * (1.0 - b1) * 1.0 + (1.0 - b1) * -3.0;
    let v = b2 * (1.0 - b2) * 1.0 + (1.0 - b2) * 9.0;
    let expected =
        2.0 - lr / (1.0 + eps) - lr * (m / (1.0 - b1 * b1)) / ((v / (1.0 - b2 * b2)).sqrt() + eps);
    assert!((p[0] - expected).abs() < 1e-14, "{} vs {expected}", p[0]);
}

#[test]
fn converges_on_an_ill_conditioned_quadratic() {
    // f(x) = Σ c_i (x_i - a_i)², minimum at a.
    let (c, a) = ([1.0f32, 10.0, 100.0], [1.0f32, -2.0, 0.5]);
    let mut x = vec![0.0f32; 3];
    let mut adam = Adam::<f32>::new(3, 0.05).unwrap();
    for step in 0..3000 {
        if step == 2000 {
            adam.set_learning_rate(0.005).unwrap();
        }
        let grad: Vec<f32> = (0..3).map(|i| 2.0 * c[i] * (x[i] - a[i])).collect();
        adam.step(&mut x, &grad).unwrap();
    }
    for i in 0..3 {
        assert!((x[i] - a[i]).abs() < 1e-2, "x[{i}] = {} vs {}", x[i], a[i]);
    }
}

#[test]
fn invalid_settings_and_lengths_are_errors() {
    for lr in [0.0, -1e-3, f64::NAN, f64::INFINITY] {
        assert!(Adam::<f32>::new(3, lr).is_err(), "lr {lr} accepted");
    }
    let bad = [
        AdamConfig {
            beta1: 1.0,
            ..AdamConfig::default()
        },
        AdamConfig {
            beta2: -0.1,
            ..AdamConfig::default()
        },
        AdamConfig {
            eps: 0.0,
            ..AdamConfig::default()
        },
    ];
    for config in bad {
        assert!(
            Adam::<f32>::with_config(3, config).is_err(),
            "{config:?} accepted"
        );
    }
    let mut adam = Adam::<f32>::new(3, 1e-3).unwrap();
    assert!(adam.set_learning_rate(f64::NAN).is_err());
    assert_eq!(adam.config().lr, 1e-3);
    assert!(adam.step(&mut [0.0; 2], &[0.0; 3]).is_err());
    assert!(adam.step(&mut [0.0; 3], &[0.0; 2]).is_err());
    assert_eq!(adam.steps(), 0);
}

#[test]
fn all_finite_detects_nan_and_infinity() {
    assert!(all_finite(&[0.0f32, -1e30, 5.0]));
    assert!(!all_finite(&[0.0f32, f32::NAN]));
    assert!(!all_finite(&[f64::NEG_INFINITY, 1.0]));
}
