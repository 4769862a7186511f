//! The mesh's log p_t (forward: log p_0(x_0) - log |det J_t|) against `density::LogDensity::exact`
//! at the moved vertices (backward: integrate div v from x_t to t = 0), two independent routes.

use super::fields::bent;
use super::{mesh, tight};
use crate::density::LogDensity;
use crate::field::pointwise::Pointwise;
use crate::integrate::Method;
use crate::lagrangian::diagnose;

#[test]
fn mesh_log_density_matches_the_backward_integration() {
    let mut m = mesh(24);
    for k in 1..=30 {
        m.advance_to(
            &mut Pointwise(bent),
            k as f64 / 30.0,
            Method::Rk4 { steps: 20 },
        )
        .unwrap();
    }
    let mut backward = vec![0.0; m.vertices()];
    LogDensity::new(tight())
        .unwrap()
        .exact(&mut Pointwise(bent), 1.0, m.positions(), &mut backward)
        .unwrap();
    let worst = m
        .log_density()
        .iter()
        .zip(&backward)
        .fold(0.0, |w: f64, (a, b)| w.max((a - b).abs()));
    assert!(worst < 1e-7, "largest difference {worst}");
    let range = m.log_det().iter().fold(0.0, |w: f64, l| w.max(l.abs()));
    assert!(
        range > 0.5,
        "the flow must change areas noticeably: {range}"
    );
}

#[test]
fn diagnostic_log_density_matches_the_backward_integration() {
    let starts = [0.5, -1.0, -2.5, 2.0];
    let times: Vec<f64> = (0..=10).map(|k| k as f64 / 10.0).collect();
    let d = diagnose(&mut Pointwise(bent), &starts, &times, tight()).unwrap();
    let mut evaluator = LogDensity::new(tight()).unwrap();
    for (i, k) in [(0, 4), (1, 10), (1, 7)] {
        let at = i * times.len() + k;
        let mut back = [0.0];
        evaluator
            .exact(
                &mut Pointwise(bent),
                times[k],
                &d.positions[2 * at..2 * at + 2],
                &mut back,
            )
            .unwrap();
        assert!((d.log_density[at] - back[0]).abs() < 1e-8);
    }
}

#[test]
fn the_flow_keeps_every_triangle_counter_clockwise() {
    let mut m = mesh(32);
    m.advance_to(&mut Pointwise(bent), 1.0, Method::Rk4 { steps: 50 })
        .unwrap();
    let x = m.positions();
    let p = |k: u32| (x[2 * k as usize], x[2 * k as usize + 1]);
    for t in m.triangles().chunks_exact(3) {
        let (a, b, c) = (p(t[0]), p(t[1]), p(t[2]));
        let twice_area = (b.0 - a.0) * (c.1 - a.1) - (b.1 - a.1) * (c.0 - a.0);
        assert!(twice_area > 0.0, "triangle {t:?} flipped");
    }
}
