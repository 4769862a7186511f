//! Networks of any input and output width: the row-wise forward pass against a naive evaluation and
//! the row-wise backward pass (parameters and inputs) against central finite differences.

mod common;

use common::{assert_close, batch};
use flowlab::field::mlp::{Activation, Io, Mlp, MlpConfig, Times, Workspace};
use rand::{rngs::StdRng, Rng, SeedableRng};

/// One row through the documented layout, without the library's kernels.
fn naive(net: &Mlp<f64>, row: &[f64]) -> Vec<f64> {
    let p = net.params();
    let layers = net.layout().layers();
    let mut a = row.to_vec();
    for (l, s) in layers.iter().enumerate() {
        let z = (0..s.fan_out).map(|j| {
            p[s.bias + j]
                + (0..s.fan_in)
                    .map(|k| a[k] * p[s.weights + k * s.fan_out + j])
                    .sum::<f64>()
        });
        a = if l + 1 < layers.len() {
            z.map(|z| match net.config().activation {
                Activation::Silu => z / (1.0 + (-z).exp()),
                Activation::Tanh => z.tanh(),
                Activation::Softplus => (1.0 + z.exp()).ln(),
            })
            .collect()
        } else {
            z.collect()
        };
    }
    a
}

fn uniform(len: usize, seed: u64) -> Vec<f64> {
    let mut rng = StdRng::seed_from_u64(seed);
    (0..len).map(|_| rng.random_range(-1.5..1.5)).collect()
}

const SHAPES: [(usize, usize, usize, usize); 4] =
    [(1, 2, 2, 8), (2, 3, 1, 5), (3, 2, 3, 17), (5, 1, 2, 4)];

#[test]
fn forward_rows_matches_naive_evaluation() {
    for (k, (inputs, outputs, depth, width)) in SHAPES.into_iter().enumerate() {
        let config = MlpConfig::new(depth, width, Activation::ALL[k % 3]).unwrap();
        let net = Mlp::<f64>::with_io(config, Io::new(inputs, outputs).unwrap(), 1).unwrap();
        let n = 7;
        let x = uniform(n * inputs, k as u64);
        let mut out = vec![0.0; n * outputs];
        net.forward_rows(&mut Workspace::new(), &x, &mut out)
            .unwrap();
        let expected: Vec<f64> = x
            .chunks_exact(inputs)
            .flat_map(|r| naive(&net, r))
            .collect();
        assert_close(&out, &expected, 1e-12, "forward_rows");
    }
}

#[test]
fn backward_rows_matches_central_differences() {
    let h = 1e-6;
    for (k, (inputs, outputs, depth, width)) in SHAPES.into_iter().enumerate() {
        for activation in Activation::ALL {
            let config = MlpConfig::new(depth, width, activation).unwrap();
            let io = Io::new(inputs, outputs).unwrap();
            let mut net = Mlp::<f64>::with_io(config, io, 2 + k as u64).unwrap();
            let n = 5;
            let x = uniform(n * inputs, 10 + k as u64);
            // L = Σ c ⊙ output with fixed random c, so dL/d(output) = c.
            let c = uniform(n * outputs, 20 + k as u64);
            let mut ws = Workspace::new();
            let mut out = vec![0.0; n * outputs];
            let loss = |net: &Mlp<f64>, ws: &mut Workspace<f64>, x: &[f64], out: &mut [f64]| {
                net.forward_rows(ws, x, out).unwrap();
                out.iter().zip(&c).map(|(o, c)| o * c).sum::<f64>()
            };
            loss(&net, &mut ws, &x, &mut out);
            let (mut grad, mut grad_x) = (vec![0.0; net.n_params()], vec![0.0; x.len()]);
            net.backward_rows(&mut ws, &c, &mut grad, &mut grad_x)
                .unwrap();
            let fd_x: Vec<f64> = (0..x.len())
                .map(|i| {
                    let (mut xp, mut xm) = (x.clone(), x.clone());
                    xp[i] += h;
                    xm[i] -= h;
                    (loss(&net, &mut ws, &xp, &mut out) - loss(&net, &mut ws, &xm, &mut out))
                        / (2.0 * h)
                })
                .collect();
            assert_close(&grad_x, &fd_x, 1e-7, "input gradient");
            let fd_p: Vec<f64> = (0..net.n_params())
                .map(|i| {
                    let w = net.params()[i];
                    net.params_mut()[i] = w + h;
                    let up = loss(&net, &mut ws, &x, &mut out);
                    net.params_mut()[i] = w - h;
                    let down = loss(&net, &mut ws, &x, &mut out);
                    net.params_mut()[i] = w;
                    (up - down) / (2.0 * h)
                })
                .collect();
            assert_close(&grad, &fd_p, 1e-7, "parameter gradient");
        }
    }
}

#[test]
fn a_vector_field_network_agrees_row_wise_and_others_are_refused_as_fields() {
    let config = MlpConfig::new(2, 9, Activation::Silu).unwrap();
    let net = Mlp::<f64>::new(config, 4).unwrap();
    assert_eq!(net.io(), Io::VELOCITY);
    let b = batch(6, 1);
    let rows: Vec<f64> = (0..6)
        .flat_map(|i| [b.xt[2 * i], b.xt[2 * i + 1], b.t[i]])
        .collect();
    let (mut v, mut r) = (vec![0.0; 12], vec![0.0; 12]);
    let mut ws = Workspace::new();
    net.velocity(&mut ws, &b.xt, Times::Each(&b.t), &mut v)
        .unwrap();
    net.forward_rows(&mut ws, &rows, &mut r).unwrap();
    assert_eq!(v, r);

    let small = Mlp::<f64>::with_io(config, Io::new(1, 2).unwrap(), 4).unwrap();
    assert!(small
        .velocity(&mut ws, &b.xt, Times::Each(&b.t), &mut v)
        .is_err());
    assert!(small.loss(&mut ws, &b.xt, &b.t, &b.u).is_err());
    assert!(small
        .forward_rows(&mut ws, &[0.5; 3], &mut [0.0; 5])
        .is_err());
    assert!(Io::new(0, 2).is_err() && Io::new(2, 65).is_err());
    // Backward needs this network's forward pass first.
    let mut fresh = Workspace::new();
    let mut grad = vec![0.0; small.n_params()];
    assert!(small
        .backward_rows(&mut fresh, &[1.0, 1.0], &mut grad, &mut [0.0])
        .is_err());
}
