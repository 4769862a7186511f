//! The linear field v = A x: x_t = e^{tA} x_0, J_t = e^{tA}, det J_t = e^{t tr A}.

use super::fields::{expm, methods, A};
use crate::field::analytic::Affine;
use crate::integrate::augmented::{
    log_abs_det, pack, unpack_positions, Augmentation, Divergence, DivergenceOde, Jacobian,
    JacobianOde, PositionsOde,
};
use crate::integrate::Solver;

const POINTS: [f64; 6] = [1.0, 0.0, -0.5, 2.0, 3.0, -1.5];
const T: f64 = 1.3;

#[test]
fn positions_follow_the_matrix_exponential_forwards_and_backwards() {
    for (method, tol) in methods() {
        for (t0, t1) in [(0.0, T), (T, -0.4)] {
            let mut field = Affine::linear(A);
            let mut y = POINTS;
            Solver::new(method)
                .unwrap()
                .integrate(&mut PositionsOde::new(&mut field), t0, t1, &mut y)
                .unwrap();
            let e = expm(A, t1 - t0);
            for (p, q) in POINTS.chunks(2).zip(y.chunks(2)) {
                let want = [
                    e[(0, 0)] * p[0] + e[(0, 1)] * p[1],
                    e[(1, 0)] * p[0] + e[(1, 1)] * p[1],
                ];
                for i in 0..2 {
                    assert!(
                        (q[i] - want[i]).abs() < tol * 3.0,
                        "{method:?} {t0}->{t1}: {q:?} vs {want:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn jacobian_is_the_matrix_exponential_and_its_log_det_is_t_trace() {
    let e = expm(A, T);
    for (method, tol) in methods() {
        let mut field = Affine::linear(A);
        let mut state = [0.0; 18];
        pack(&POINTS, Jacobian::INITIAL, &mut state).unwrap();
        Solver::new(method)
            .unwrap()
            .integrate(
                &mut JacobianOde::new(&mut field, Jacobian),
                0.0,
                T,
                &mut state,
            )
            .unwrap();
        for r in state.chunks(6) {
            let j = &r[2..];
            for (got, want) in j.iter().zip([e[(0, 0)], e[(0, 1)], e[(1, 0)], e[(1, 1)]]) {
                assert!((got - want).abs() < tol, "{method:?}: J {j:?} vs {e}");
            }
            assert!(
                (log_abs_det(j) - T * (A[0] + A[3])).abs() < tol,
                "{method:?}"
            );
        }
    }
}

#[test]
fn divergence_state_accumulates_t_trace_and_keeps_positions() {
    for (method, tol) in methods() {
        let mut field = Affine::linear(A);
        let mut state = [0.0; 9];
        pack(&POINTS, Divergence::INITIAL, &mut state).unwrap();
        Solver::new(method)
            .unwrap()
            .integrate(
                &mut DivergenceOde::new(&mut field, Divergence),
                0.0,
                T,
                &mut state,
            )
            .unwrap();
        let e = expm(A, T);
        let mut xs = [0.0; 6];
        unpack_positions(&state, 3, &mut xs).unwrap();
        for ((r, p), q) in state.chunks(3).zip(POINTS.chunks(2)).zip(xs.chunks(2)) {
            // Euler integrates the constant divergence exactly too.
            assert!(
                (r[2] - T * (A[0] + A[3])).abs() < 1e-12,
                "{method:?}: l = {}",
                r[2]
            );
            assert!((q[0] - (e[(0, 0)] * p[0] + e[(0, 1)] * p[1])).abs() < 3.0 * tol);
        }
    }
}

#[test]
fn trajectory_rows_match_the_flow_at_each_time() {
    let times = [0.5, 1.0, 1.5, 2.0];
    for (method, tol) in methods() {
        for dir in [1.0, -1.0] {
            let mut field = Affine::linear(A);
            let ts = times.map(|t| t * dir);
            let mut y = [1.0, -1.0];
            let mut out = [0.0; 8];
            let mut ode = PositionsOde::new(&mut field);
            let stats = Solver::new(method)
                .unwrap()
                .trajectory(&mut ode, 0.0, &mut y, &ts, &mut out)
                .unwrap();
            assert!(stats.evaluations > 0);
            for (row, &t) in out.chunks(2).zip(&ts) {
                let e = expm(A, t);
                let want = [e[(0, 0)] - e[(0, 1)], e[(1, 0)] - e[(1, 1)]];
                assert!(
                    (row[0] - want[0]).abs() < 6.0 * tol && (row[1] - want[1]).abs() < 6.0 * tol,
                    "{method:?} t={t}: {row:?} vs {want:?}"
                );
            }
            assert_eq!(y, [out[6], out[7]]);
        }
    }
}
