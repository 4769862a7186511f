use super::*;
use crate::random::fill_standard_normal;
use rand::{rngs::StdRng, SeedableRng};

#[test]
fn samples_are_the_flow_of_seeded_noise() {
    let flow = trained();
    let samples = flow.sample(50, 3, RK4_20).unwrap();
    assert_eq!(samples, flow.sample(50, 3, RK4_20).unwrap());
    assert_ne!(samples, flow.sample(50, 4, RK4_20).unwrap());
    let mut x0 = vec![0.0; 100];
    fill_standard_normal(&mut StdRng::seed_from_u64(3), &mut x0);
    let path = flow.trajectories(&x0, &[0.0, 0.5, 1.0], RK4_20).unwrap();
    assert_eq!(path[..100], x0[..]);
    assert_eq!(path[200..], samples[..]);
}

#[test]
fn trajectories_follow_the_velocity() {
    // Over a short interval the displacement is h v(x, t) up to O(h²).
    let flow = trained();
    let x0 = [0.5, -0.5, 1.5, 0.2];
    let h = 1e-3;
    let path = flow
        .trajectories(&x0, &[h], Method::Rk4 { steps: 1 })
        .unwrap();
    let v = flow.velocity(&x0, 0.0).unwrap();
    for k in 0..4 {
        let rate = (path[k] - x0[k]) / h;
        assert!(
            (rate - v[k]).abs() < 1e-2 * (1.0 + v[k].abs()),
            "{k}: {rate} vs {}",
            v[k]
        );
    }
}

#[test]
fn the_divergence_is_the_trace_of_the_velocity_jacobian() {
    let flow = trained();
    let points = [0.3, -1.1, 2.0, 2.0, -2.5, 0.7];
    let h = 1e-2;
    for t in [0.0, 0.6, 1.0] {
        let div = flow.divergence(&points, t).unwrap();
        for (i, p) in points.chunks_exact(2).enumerate() {
            let dv = |k: usize| {
                let (mut plus, mut minus) = (p.to_vec(), p.to_vec());
                plus[k] += h;
                minus[k] -= h;
                let (a, b) = (
                    flow.velocity(&plus, t).unwrap(),
                    flow.velocity(&minus, t).unwrap(),
                );
                (a[k] - b[k]) / (2.0 * h)
            };
            let fd = dv(0) + dv(1);
            assert!(
                (div[i] - fd).abs() < 2e-3 * (1.0 + fd.abs()),
                "t {t}, point {i}: {} vs {fd}",
                div[i]
            );
        }
    }
}

#[test]
fn the_jacobian_route_and_the_divergence_route_give_one_density() {
    // Lagrangian: log p_t(x_t) = log N(x_0) - log|det J_t| with J from dJ/dt = (dv/dx) J.
    // Independent route: integrate the divergence backward from x_t (log_density).
    let flow = trained();
    let mut x0 = vec![0.0; 40];
    fill_standard_normal(&mut StdRng::seed_from_u64(9), &mut x0);
    let method = Method::Rk4 { steps: 200 };
    let moved = flow.transport(&x0, 0.0, &[0.5, 1.0], method, true).unwrap();
    let log_det = moved.log_det.unwrap();
    for (row, t) in [0.5, 1.0].into_iter().enumerate() {
        let xt = &moved.positions[row * 40..(row + 1) * 40];
        let exact = flow.log_density(xt, t, method).unwrap();
        for i in 0..20 {
            let lagrangian = crate::density::standard_normal_log_density(&x0[2 * i..2 * i + 2])
                - log_det[row * 20 + i];
            assert!(
                (lagrangian - exact[i]).abs() < 1e-4,
                "t={t} point {i}: {lagrangian} vs {}",
                exact[i]
            );
        }
    }
}

#[test]
fn transport_backward_from_one_returns_to_the_noise() {
    let flow = trained();
    let x0 = [0.3, -1.2, -0.7, 0.4];
    let method = Method::Rk4 { steps: 100 };
    let x1 = flow
        .transport(&x0, 0.0, &[1.0], method, false)
        .unwrap()
        .positions;
    let back = flow.transport(&x1, 1.0, &[0.0], method, true).unwrap();
    for (b, a) in back.positions.iter().zip(x0) {
        assert!((b - a).abs() < 1e-4, "{:?} vs {x0:?}", back.positions);
    }
    // Backward, log|det dx_0/dx_1| = -log|det dx_1/dx_0|: the two must cancel.
    let forward = flow
        .transport(&x0, 0.0, &[1.0], method, true)
        .unwrap()
        .log_det
        .unwrap();
    let backward = back.log_det.unwrap();
    for (f, b) in forward.iter().zip(&backward) {
        assert!((f + b).abs() < 1e-4, "{forward:?} {backward:?}");
    }
}
