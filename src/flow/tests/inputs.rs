use super::*;

#[test]
fn bad_points_and_times_are_errors() {
    let flow = trained();
    let bad_points: [&[f64]; 3] = [&[], &[1.0, 2.0, 3.0], &[0.0, f64::NAN]];
    for points in bad_points {
        assert!(flow.velocity(points, 0.5).is_err());
        assert!(flow.divergence(points, 0.5).is_err());
        assert!(flow.log_density(points, 0.5, RK4_20).is_err());
        assert!(flow.trajectories(points, &[1.0], RK4_20).is_err());
    }
    let p = [0.0, 1.0];
    for t in [-0.1, 1.5, f64::NAN, f64::INFINITY] {
        assert!(flow.velocity(&p, t).is_err());
        assert!(flow.divergence(&p, t).is_err());
        assert!(flow.log_density(&p, t, RK4_20).is_err());
        assert!(flow.trajectories(&p, &[t], RK4_20).is_err());
    }
    assert!(flow.trajectories(&p, &[], RK4_20).is_err());
    let err = flow.trajectories(&p, &[0.8, 0.2], RK4_20).unwrap_err();
    assert!(err.contains("monotone"), "{err}");
    assert!(flow.log_density(&p, 1.0, Method::Rk4 { steps: 0 }).is_err());
}

#[test]
fn bad_counts_are_errors() {
    let flow = trained();
    assert!(flow.sample(0, 0, RK4_20).is_err());
    assert!(flow
        .sample(super::super::MAX_POINTS + 1, 0, RK4_20)
        .is_err());
    assert!(flow.sample(1, 0, Method::Euler { steps: 0 }).is_err());
    assert!(flow.evaluate(1, 0, RK4_20).is_err());
    assert!(flow
        .evaluate(super::super::MAX_EVAL + 1, 0, RK4_20)
        .is_err());
    let many = vec![0.0; 2 * 1000];
    assert!(flow
        .trajectories(&many, &vec![1.0; 10_000], RK4_20)
        .is_err());
}

#[test]
fn a_time_span_too_short_for_a_step_ends_at_once() {
    // h = span / steps underflows to 0 here; each segment is capped at `steps` steps.
    let flow = trained();
    let p = [0.3, -0.2];
    let euler = Method::Euler { steps: 100_000 };
    let moved = flow.transport(&p, 0.0, &[1e-320], euler, false).unwrap();
    assert_eq!(moved.positions, p.to_vec());
    assert!(flow
        .log_density(&p, 5e-324, Method::Rk4 { steps: 2 })
        .unwrap()[0]
        .is_finite());
}
