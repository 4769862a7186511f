//! The loss gradient of the network against central finite differences and an independent
//! per-point implementation of the forward pass.

mod common;

use common::{assert_close, batch, small_configs};
use flowlab::field::mlp::{Activation, Mlp, MlpConfig, Real, Times, Workspace};

/// v(x, t) computed point by point from the documented layout, without the library's kernels.
fn naive_velocity<R: Real>(net: &Mlp<R>, x: [f64; 2], t: f64) -> [f64; 2] {
    let p: Vec<f64> = net.params().iter().map(|w| w.to_f64()).collect();
    let mut a = vec![x[0], x[1], t];
    let layers = net.layout().layers();
    for (l, s) in layers.iter().enumerate() {
        let mut z: Vec<f64> = (0..s.fan_out)
            .map(|j| {
                p[s.bias + j]
                    + (0..s.fan_in)
                        .map(|k| a[k] * p[s.weights + k * s.fan_out + j])
                        .sum::<f64>()
            })
            .collect();
        if l + 1 < layers.len() {
            for z in &mut z {
                *z = match net.config().activation {
                    Activation::Silu => *z / (1.0 + (-*z).exp()),
                    Activation::Tanh => z.tanh(),
                    Activation::Softplus => (1.0 + z.exp()).ln(),
                };
            }
        }
        a = z;
    }
    [a[0], a[1]]
}

fn check_forward<R: Real>(config: MlpConfig, n: usize, tol: f64) {
    let net = Mlp::<R>::new(config, 7).unwrap();
    let b = batch(n, 3);
    let mut out = vec![0.0; 2 * n];
    net.velocity(&mut Workspace::new(), &b.xt, Times::Each(&b.t), &mut out)
        .unwrap();
    let expected: Vec<f64> = (0..n)
        .flat_map(|i| naive_velocity(&net, [b.xt[2 * i], b.xt[2 * i + 1]], b.t[i]))
        .collect();
    assert_close(&out, &expected, tol, &format!("{config:?} forward"));
}

#[test]
fn forward_matches_naive_evaluation_in_both_precisions() {
    for activation in Activation::ALL {
        for config in small_configs(activation).into_iter().chain([MlpConfig {
            activation,
            ..MlpConfig::M64
        }]) {
            for n in [1, 3, 4, 9, 33] {
                check_forward::<f64>(config, n, 1e-12);
                check_forward::<f32>(config, n, 2e-5);
            }
        }
    }
}

#[test]
fn loss_is_mean_over_points_and_components() {
    let net = Mlp::<f64>::new(MlpConfig::new(2, 6, Activation::Tanh).unwrap(), 1).unwrap();
    let b = batch(5, 2);
    let loss = net.loss(&mut Workspace::new(), &b.xt, &b.t, &b.u).unwrap();
    let sum: f64 = (0..5)
        .map(|i| {
            let v = naive_velocity(&net, [b.xt[2 * i], b.xt[2 * i + 1]], b.t[i]);
            (v[0] - b.u[2 * i]).powi(2) + (v[1] - b.u[2 * i + 1]).powi(2)
        })
        .sum();
    assert!(
        (loss - sum / 10.0).abs() < 1e-12,
        "{loss} vs {}",
        sum / 10.0
    );
}

#[test]
fn gradient_matches_central_differences_for_every_activation() {
    let h = 1e-6;
    for activation in Activation::ALL {
        for (k, config) in small_configs(activation).into_iter().enumerate() {
            let mut net = Mlp::<f64>::new(config, 10 + k as u64).unwrap();
            let b = batch(6, k as u64);
            let mut ws = Workspace::new();
            let mut grad = vec![0.0; net.n_params()];
            net.loss_and_gradient(&mut ws, &b.xt, &b.t, &b.u, &mut grad)
                .unwrap();
            let fd: Vec<f64> = (0..net.n_params())
                .map(|i| {
                    let w = net.params()[i];
                    let mut loss_at = |x: f64| {
                        net.params_mut()[i] = x;
                        net.loss(&mut ws, &b.xt, &b.t, &b.u).unwrap()
                    };
                    let d = (loss_at(w + h) - loss_at(w - h)) / (2.0 * h);
                    net.params_mut()[i] = w;
                    d
                })
                .collect();
            assert_close(&grad, &fd, 1e-7, &format!("{config:?} gradient"));
        }
    }
}

#[test]
fn f32_gradient_agrees_with_f64_on_the_standard_model() {
    let net64 = Mlp::<f64>::new(MlpConfig::M64, 5).unwrap();
    let net32 = net64.cast::<f32>();
    let b = batch(37, 9);
    let mut g64 = vec![0.0f64; net64.n_params()];
    let mut g32 = vec![0.0f32; net32.n_params()];
    let l64 = net64
        .loss_and_gradient(&mut Workspace::new(), &b.xt, &b.t, &b.u, &mut g64)
        .unwrap();
    let l32 = net32
        .loss_and_gradient(&mut Workspace::new(), &b.xt, &b.t, &b.u, &mut g32)
        .unwrap();
    assert!((l64 - l32).abs() < 1e-5 * l64, "{l64} vs {l32}");
    let scale = g64.iter().fold(0.0f64, |m, g| m.max(g.abs()));
    for (i, (a, b)) in g32.iter().zip(&g64).enumerate() {
        assert!(
            (*a as f64 - b).abs() < 1e-4 * scale,
            "param {i}: {a} vs {b}"
        );
    }
}

#[test]
fn loss_and_gradient_reject_mismatched_buffers() {
    let net = Mlp::<f64>::new(MlpConfig::new(1, 4, Activation::Silu).unwrap(), 0).unwrap();
    let b = batch(3, 0);
    let mut ws = Workspace::new();
    let mut grad = vec![0.0; net.n_params()];
    assert!(net
        .loss_and_gradient(&mut ws, &b.xt, &b.t, &b.u, &mut grad[1..])
        .is_err());
    assert!(net
        .loss_and_gradient(&mut ws, &b.xt, &b.t[1..], &b.u, &mut grad)
        .is_err());
    assert!(net
        .loss_and_gradient(&mut ws, &b.xt[1..], &b.t, &b.u, &mut grad)
        .is_err());
    assert!(net.loss(&mut ws, &b.xt, &b.t, &b.u[2..]).is_err());
}
