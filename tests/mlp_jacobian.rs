//! The forward-mode Jacobian dv/dx against central differences of the forward pass, and the network
//! as a `VelocityField`.

mod common;

use common::{assert_close, batch, small_configs};
use flowlab::field::mlp::{Activation, Mlp, MlpConfig, MlpField, Times, Workspace};
use flowlab::field::{divergence, VelocityField};

/// Row-major dv/dx of every point by central differences of `velocity`.
fn fd_jacobian(net: &Mlp<f64>, xs: &[f64], t: f64) -> Vec<f64> {
    let h = 1e-6;
    let mut ws = Workspace::new();
    let mut v = |x: &[f64]| {
        let mut out = vec![0.0; 2];
        net.velocity(&mut ws, x, Times::All(t), &mut out).unwrap();
        out
    };
    xs.chunks_exact(2)
        .flat_map(|x| {
            let mut cols = [[0.0; 2]; 2];
            for (a, col) in cols.iter_mut().enumerate() {
                let (mut plus, mut minus) = (x.to_vec(), x.to_vec());
                plus[a] += h;
                minus[a] -= h;
                let (vp, vm) = (v(&plus), v(&minus));
                *col = [(vp[0] - vm[0]) / (2.0 * h), (vp[1] - vm[1]) / (2.0 * h)];
            }
            [cols[0][0], cols[1][0], cols[0][1], cols[1][1]]
        })
        .collect()
}

#[test]
fn jacobian_matches_central_differences_for_every_activation() {
    for activation in Activation::ALL {
        for config in small_configs(activation).into_iter().chain([MlpConfig {
            activation,
            ..MlpConfig::M64
        }]) {
            let net = Mlp::<f64>::new(config, 21).unwrap();
            let b = batch(7, 4);
            let (mut v, mut jac) = (vec![0.0; 14], vec![0.0; 28]);
            net.velocity_and_jacobian(
                &mut Workspace::new(),
                &b.xt,
                Times::All(0.3),
                &mut v,
                &mut jac,
            )
            .unwrap();
            assert_close(
                &jac,
                &fd_jacobian(&net, &b.xt, 0.3),
                1e-7,
                &format!("{config:?} jacobian"),
            );
            let mut plain = vec![0.0; 14];
            net.velocity(&mut Workspace::new(), &b.xt, Times::All(0.3), &mut plain)
                .unwrap();
            assert_close(&v, &plain, 0.0, "velocity beside the jacobian");
        }
    }
}

#[test]
fn f32_jacobian_agrees_with_f64() {
    let net = Mlp::<f64>::new(MlpConfig::M64, 8).unwrap();
    let b = batch(13, 6);
    let (mut v64, mut j64, mut v32, mut j32) =
        (vec![0.0; 26], vec![0.0; 52], vec![0.0; 26], vec![0.0; 52]);
    net.velocity_and_jacobian(
        &mut Workspace::new(),
        &b.xt,
        Times::Each(&b.t),
        &mut v64,
        &mut j64,
    )
    .unwrap();
    let net32 = net.cast::<f32>();
    net32
        .velocity_and_jacobian(
            &mut Workspace::new(),
            &b.xt,
            Times::Each(&b.t),
            &mut v32,
            &mut j32,
        )
        .unwrap();
    assert_close(&v32, &v64, 1e-5, "f32 velocity");
    assert_close(&j32, &j64, 1e-5, "f32 jacobian");
}

#[test]
fn mlp_field_is_the_network_at_a_shared_time() {
    let net = Mlp::<f64>::new(MlpConfig::new(2, 9, Activation::Tanh).unwrap(), 3).unwrap();
    let b = batch(5, 1);
    let mut field = MlpField::new(&net);
    let (mut v, mut jac, mut v2) = (vec![0.0; 10], vec![0.0; 20], vec![0.0; 10]);
    field.velocity(0.7, &b.xt, &mut v);
    field.velocity_and_jacobian(0.7, &b.xt, &mut v2, &mut jac);
    let ts = vec![0.7; 5];
    let mut expected = vec![0.0; 10];
    net.velocity(
        &mut Workspace::new(),
        &b.xt,
        Times::Each(&ts),
        &mut expected,
    )
    .unwrap();
    assert_close(&v, &expected, 0.0, "field velocity");
    assert_close(&v2, &expected, 0.0, "field velocity beside jacobian");
    let fd = fd_jacobian(&net, &b.xt, 0.7);
    for (j, f) in jac.chunks_exact(4).zip(fd.chunks_exact(4)) {
        assert!((divergence(j) - (f[0] + f[3])).abs() < 1e-7);
    }
}

#[test]
fn jacobian_rejects_mismatched_buffers() {
    let net = Mlp::<f64>::new(MlpConfig::new(1, 3, Activation::Silu).unwrap(), 0).unwrap();
    let (mut v, mut jac) = (vec![0.0; 4], vec![0.0; 6]);
    let xs = [0.1, 0.2, 0.3, 0.4];
    assert!(net
        .velocity_and_jacobian(
            &mut Workspace::new(),
            &xs,
            Times::All(0.0),
            &mut v,
            &mut jac
        )
        .is_err());
    assert!(net
        .velocity(
            &mut Workspace::new(),
            &xs[..3],
            Times::All(0.0),
            &mut v[..3]
        )
        .is_err());
}
