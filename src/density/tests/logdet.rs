//! Two routes to the volume change agree: log |det J_t| from the Jacobian ODE and ∫ div v from
//! the divergence ODE (Liouville's formula), on a nonlinear flow.

use crate::field::pointwise::Pointwise;
use crate::integrate::augmented::{
    log_abs_det, pack, Augmentation, Divergence, DivergenceOde, Jacobian, JacobianOde,
};
use crate::integrate::tests::fields::wavy;
use crate::integrate::{DopriConfig, Method, Solver};

#[test]
fn jacobian_log_det_equals_divergence_integral() {
    let points = [0.3, -1.2, -1.5, 0.4, 2.0, 2.5, 0.0, 0.0, -0.7, -2.1];
    let n = points.len() / 2;
    let method = Method::Dopri5(DopriConfig {
        rtol: 1e-10,
        atol: 1e-12,
        ..DopriConfig::default()
    });
    let mut solver = Solver::new(method).unwrap();

    let mut with_j = vec![0.0; 6 * n];
    pack(&points, Jacobian::INITIAL, &mut with_j).unwrap();
    solver
        .integrate(
            &mut JacobianOde::new(&mut Pointwise(wavy), Jacobian),
            0.0,
            1.0,
            &mut with_j,
        )
        .unwrap();
    let mut with_l = vec![0.0; 3 * n];
    pack(&points, Divergence::INITIAL, &mut with_l).unwrap();
    solver
        .integrate(
            &mut DivergenceOde::new(&mut Pointwise(wavy), Divergence),
            0.0,
            1.0,
            &mut with_l,
        )
        .unwrap();

    for (rj, rl) in with_j.chunks(6).zip(with_l.chunks(3)) {
        assert!(
            (rj[0] - rl[0]).abs() < 1e-9 && (rj[1] - rl[1]).abs() < 1e-9,
            "same trajectory"
        );
        let (logdet, l) = (log_abs_det(&rj[2..]), rl[2]);
        assert!((logdet - l).abs() < 1e-8, "log|det J| {logdet} vs ∫div {l}");
        // div v = t/2 + 0.4 sin x contributes 1/4 by itself: the integral is not trivial.
        assert!((l - 0.25).abs() > 1e-3);
    }
}
