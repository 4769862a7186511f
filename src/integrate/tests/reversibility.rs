//! Forward then backward integration of a nonlinear field returns to the start.

use super::fields::{methods, wavy};
use crate::field::pointwise::Pointwise;
use crate::integrate::augmented::PositionsOde;
use crate::integrate::Solver;

#[test]
fn forward_then_backward_returns_to_the_start() {
    let start = [0.3, -1.2, -1.5, 0.4, 2.0, 2.5, 0.0, 0.0];
    for (method, tol) in methods() {
        let mut solver = Solver::new(method).unwrap();
        let mut y = start;
        solver
            .integrate(
                &mut PositionsOde::new(&mut Pointwise(wavy)),
                0.0,
                1.0,
                &mut y,
            )
            .unwrap();
        let moved = y
            .iter()
            .zip(&start)
            .map(|(a, b)| (a - b).abs())
            .fold(0.0, f64::max);
        assert!(moved > 0.3, "the flow should move points, moved {moved}");
        solver
            .integrate(
                &mut PositionsOde::new(&mut Pointwise(wavy)),
                1.0,
                0.0,
                &mut y,
            )
            .unwrap();
        for (a, b) in y.iter().zip(&start) {
            // Fixed-step schemes are not symmetric: the round trip errs like two integrations.
            assert!((a - b).abs() < 50.0 * tol, "{method:?}: {y:?} vs {start:?}");
        }
    }
}
