//! d/dt log |det J_t| (finite differences of the Jacobian ODE) against div v(x_t, t) (the field).

use super::fields::bent;
use super::tight;
use crate::field::analytic::Affine;
use crate::field::pointwise::Pointwise;
use crate::integrate::tests::fields::expm;
use crate::integrate::Method;
use crate::lagrangian::diagnose;

const STARTS: [f64; 8] = [0.0, 0.0, 1.5, -0.5, -2.0, 1.0, 0.3, 2.2];

fn uniform(n: usize) -> Vec<f64> {
    (0..n).map(|k| k as f64 / (n - 1) as f64).collect()
}

#[test]
fn log_det_rate_equals_divergence_on_a_fine_grid() {
    for method in [Method::Rk4 { steps: 2000 }, tight()] {
        let d = diagnose(&mut Pointwise(bent), &STARTS, &uniform(201), method).unwrap();
        assert!(d.max_gap < 1e-6, "{method:?}: gap {}", d.max_gap);
        // Not trivially small: the divergence really changes along the trajectories.
        let spread = d.divergence.iter().fold(0.0, |m: f64, v| m.max(v.abs()));
        assert!(spread > 0.5, "divergence {spread}");
        // And it is the field's divergence at the integrated position, by the closed form.
        let (x, y) = (d.positions[2 * 250], d.positions[2 * 250 + 1]); // point 1, t = 0.245
        let div = 0.5 * (0.245f64).cos() - 0.3 * x * x - 0.3 + 0.2 * x.sin();
        assert!((d.divergence[250] - div).abs() < 1e-14 && y.is_finite());
    }
}

#[test]
fn gap_shrinks_like_h_to_the_fourth_as_the_time_grid_is_refined() {
    let gap = |n| {
        diagnose(&mut Pointwise(bent), &STARTS, &uniform(n), tight())
            .unwrap()
            .max_gap
    };
    let (coarse, mid, fine) = (gap(11), gap(21), gap(41));
    assert!(
        coarse / mid > 8.0 && mid / fine > 8.0,
        "{coarse} {mid} {fine}"
    );
}

#[test]
fn uneven_times_not_starting_at_zero_work_too() {
    let times: Vec<f64> = (0..120)
        .map(|k| 0.1 + 0.9 * (k as f64 / 119.0).powi(2))
        .collect();
    let d = diagnose(&mut Pointwise(bent), &STARTS, &times, tight()).unwrap();
    assert!(d.max_gap < 1e-5, "gap {}", d.max_gap);
    assert_eq!(d.positions.len(), 2 * 4 * 120);
}

#[test]
fn linear_field_has_log_det_t_trace_and_moves_by_the_exponential() {
    let a = [0.4, -1.1, 0.7, -0.9];
    let times = uniform(9);
    let d = diagnose(&mut Affine::linear(a), &STARTS, &times, tight()).unwrap();
    for (i, x0) in STARTS.chunks(2).enumerate() {
        for (k, &t) in times.iter().enumerate() {
            let at = i * times.len() + k;
            assert!((d.log_det[at] - t * (a[0] + a[3])).abs() < 1e-9);
            assert!((d.log_det_rate[at] - (a[0] + a[3])).abs() < 1e-7);
            let m = expm(a, t);
            let x = m[(0, 0)] * x0[0] + m[(0, 1)] * x0[1];
            assert!((d.positions[2 * at] - x).abs() < 1e-9);
        }
    }
}
