use super::*;
use crate::field::analytic::Affine;
use crate::integrate::{DopriConfig, Method};

/// A linear field with rotation, contraction and shear: tr A = -0.3.
const A: [f64; 4] = [-0.5, 1.2, -0.8, 0.2];

/// e^A by its Taylor series (40 terms; |A| < 2 so the remainder is far below 1e-15).
fn expm(a: [f64; 4]) -> [f64; 4] {
    let mul = |p: [f64; 4], q: [f64; 4]| {
        [
            p[0] * q[0] + p[1] * q[2],
            p[0] * q[1] + p[1] * q[3],
            p[2] * q[0] + p[3] * q[2],
            p[2] * q[1] + p[3] * q[3],
        ]
    };
    let (mut term, mut sum) = ([1.0, 0.0, 0.0, 1.0], [1.0, 0.0, 0.0, 1.0]);
    for k in 1..40 {
        term = mul(term, a).map(|v| v / k as f64);
        for (s, t) in sum.iter_mut().zip(term) {
            *s += t;
        }
    }
    sum
}

const X0: [f64; 6] = [1.0, 0.5, -0.7, 2.0, 0.3, -1.1];

/// Max distance of K residual steps from e^A x0, and the (shared) log-determinant.
fn errors(k: usize) -> (f64, f64) {
    let e = expm(A);
    let mut xs = X0;
    let mut ld = [0.0; 3];
    ResidualFlow::new(k)
        .unwrap()
        .push(&mut Affine::linear(A), &mut xs, &mut ld)
        .unwrap();
    let err = X0
        .chunks_exact(2)
        .zip(xs.chunks_exact(2))
        .map(|(x, y)| {
            let ex = [e[0] * x[0] + e[1] * x[1], e[2] * x[0] + e[3] * x[1]];
            (ex[0] - y[0]).hypot(ex[1] - y[1])
        })
        .fold(0.0, f64::max);
    assert!(ld.iter().all(|&l| l == ld[0]), "a linear field has one det");
    (err, ld[0])
}

#[test]
fn position_error_against_matrix_exponential_is_first_order() {
    let errs: Vec<f64> = [50, 100, 200, 400].map(|k| errors(k).0).to_vec();
    for pair in errs.windows(2) {
        let ratio = pair[0] / pair[1];
        assert!(
            (ratio - 2.0).abs() < 0.1,
            "error ratio {ratio}, errors {errs:?}"
        );
    }
    assert!(errs[3] < 5e-3, "{errs:?}");
}

#[test]
fn log_det_converges_to_trace_at_first_order() {
    let tr = A[0] + A[3];
    let errs: Vec<f64> = [50, 100, 200, 400]
        .map(|k| (errors(k).1 - tr).abs())
        .to_vec();
    for pair in errs.windows(2) {
        let ratio = pair[0] / pair[1];
        assert!((ratio - 2.0).abs() < 0.1, "ratio {ratio}, errors {errs:?}");
    }
    // K log det(I + A/K) = tr A - tr(A^2)/(2K) + O(1/K^2); tr(A^2) = 0.25 - 1.92 + 0.04 = -1.63.
    let tr_a2 = A[0] * A[0] + 2.0 * A[1] * A[2] + A[3] * A[3];
    assert!((errs[3] - tr_a2.abs() / 800.0).abs() < 1e-5, "{errs:?}");
}

#[test]
fn folding_step_gives_no_density_and_sizes_are_checked() {
    // det(I + diag(-2, 1)) = (1 - 2)(1 + 1) < 0: h Lip(u) = 2 > 1 folds the plane.
    let mut field = Affine::linear([-2.0, 0.0, 0.0, 1.0]);
    let (mut xs, mut ld) = ([1.0, 1.0], [0.0]);
    let folded = ResidualFlow::new(1)
        .unwrap()
        .push(&mut field, &mut xs, &mut ld)
        .unwrap();
    assert_eq!(folded, 1);
    assert!(ld[0].is_nan(), "a folded point has no density");
    assert_eq!(xs, [1.0 - 2.0, 1.0 + 1.0], "it still takes its Euler step");
    // With h = 1/4 < 1/Lip the same field is fine.
    let mut xs = [1.0, 1.0];
    let folded = ResidualFlow::new(4)
        .unwrap()
        .push(&mut field, &mut xs, &mut ld)
        .unwrap();
    assert_eq!(folded, 0);
    assert!((ld[0] - 4.0 * (0.5f64 * 1.25).ln()).abs() < 1e-12);
    assert!(ResidualFlow::new(0).is_err());
    assert!(ResidualFlow::new(MAX_STEPS + 1).is_err());
    let mut bad = [0.0; 3];
    assert!(ResidualFlow::new(2)
        .unwrap()
        .push(&mut field, &mut bad, &mut ld)
        .is_err());
}

#[test]
fn convergence_levels_approach_the_exact_flow() {
    let method = Method::Dopri5(DopriConfig {
        rtol: 1e-10,
        atol: 1e-12,
        ..DopriConfig::default()
    });
    let conv = convergence(&mut Affine::linear(A), &X0, &[4, 16, 64], method).unwrap();
    let e = expm(A);
    for (x, y) in X0.chunks_exact(2).zip(conv.exact.positions.chunks_exact(2)) {
        assert!((e[0] * x[0] + e[1] * x[1] - y[0]).abs() < 1e-8);
        assert!((e[2] * x[0] + e[3] * x[1] - y[1]).abs() < 1e-8);
    }
    // log p_1(x_1) = log N(x_0) - tr A.
    for (x, l) in X0.chunks_exact(2).zip(&conv.exact.log_density) {
        let base = -0.5 * (x[0] * x[0] + x[1] * x[1]) - std::f64::consts::TAU.ln();
        assert!((base - (A[0] + A[3]) - l).abs() < 1e-8);
    }
    let errs: Vec<f64> = conv.levels.iter().map(|l| l.position_rms_error).collect();
    let lerrs: Vec<f64> = conv
        .levels
        .iter()
        .map(|l| l.log_density_mean_error)
        .collect();
    assert!(
        errs[0] > 3.0 * errs[1] && errs[1] > 3.0 * errs[2],
        "{errs:?}"
    );
    assert!(
        lerrs[0] > 3.0 * lerrs[1] && lerrs[1] > 3.0 * lerrs[2],
        "{lerrs:?}"
    );
    assert_eq!(conv.levels[2].steps, 64);
}

#[test]
fn a_folding_level_keeps_its_positions_and_has_no_density_error() {
    // u = diag(-2, 1) x: one step (h = 1) folds everywhere, four steps (h Lip = 1/2) do not.
    let mut field = Affine::linear([-2.0, 0.0, 0.0, 1.0]);
    let c = convergence(&mut field, &X0, &[1, 4], Method::Rk4 { steps: 200 }).unwrap();
    let (one, four) = (&c.levels[0], &c.levels[1]);
    assert_eq!((one.folded, four.folded), (3, 0));
    assert!(one.log_density_mean_error.is_nan() && one.log_density.iter().all(|l| l.is_nan()));
    let euler: Vec<f64> = X0
        .chunks_exact(2)
        .flat_map(|p| [-p[0], 2.0 * p[1]])
        .collect();
    assert_eq!(one.positions, euler);
    assert!(four.log_density_mean_error.is_finite());
    assert!(one.position_rms_error > four.position_rms_error);
}
