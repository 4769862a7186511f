//! Invalid settings and inputs are errors, never panics, and leave the grid usable.

use super::*;
use crate::field::{analytic::Affine, VelocityField};

#[test]
fn bad_configurations_are_rejected() {
    let ok = GridConfig::default();
    assert!(EulerianGrid::new(ok).is_ok());
    let bad = [
        GridConfig { cells: 1, ..ok },
        GridConfig {
            cells: crate::eulerian::MAX_CELLS + 1,
            ..ok
        },
        GridConfig {
            xmin: 1.0,
            xmax: 1.0,
            ..ok
        },
        GridConfig {
            ymin: 2.0,
            ymax: -2.0,
            ..ok
        },
        GridConfig {
            xmin: f64::NAN,
            ..ok
        },
        GridConfig {
            ymax: f64::INFINITY,
            ..ok
        },
        GridConfig {
            xmin: -f64::MAX,
            xmax: f64::MAX,
            ..ok
        },
        GridConfig {
            xmin: 0.0,
            xmax: 1e-310,
            ..ok
        },
        GridConfig { cfl: 0.0, ..ok },
        GridConfig {
            cfl: MAX_CFL * 1.01,
            ..ok
        },
        GridConfig {
            cfl: f64::NAN,
            ..ok
        },
        GridConfig { max_steps: 0, ..ok },
    ];
    for c in bad {
        let err = EulerianGrid::new(c).err().expect("should be rejected");
        assert!(!err.is_empty());
    }
}

/// A field that is fine until t = 0.5 and NaN afterwards.
struct BreaksAtHalf;

impl VelocityField for BreaksAtHalf {
    fn velocity(&mut self, t: f64, _xs: &[f64], out: &mut [f64]) {
        out.fill(if t > 0.5 { f64::NAN } else { 1.0 });
    }

    fn velocity_and_jacobian(&mut self, t: f64, xs: &[f64], v: &mut [f64], jac: &mut [f64]) {
        self.velocity(t, xs, v);
        jac.fill(0.0);
    }
}

#[test]
fn bad_times_and_fields_are_errors_that_keep_the_last_good_state() {
    let mut grid = square(16, 4.0);
    let mut field = Affine::rotation(1.0);
    grid.advance_to(&mut field, 0.5).unwrap();
    let snapshot = (grid.t(), grid.density().to_vec());
    assert!(grid.advance_to(&mut field, f64::NAN).is_err());
    assert!(grid.advance_to(&mut field, 0.25).is_err());
    assert!(grid.advance_to(&mut field, f64::INFINITY).is_err());
    assert!(grid.advance_to(&mut BreaksAtHalf, 1.0).is_err());
    assert_eq!((grid.t(), grid.density().to_vec()), snapshot);
    grid.advance_to(&mut field, 0.5).unwrap(); // no-op
    grid.advance_to(&mut field, 1.0).unwrap();
    assert_eq!(grid.t(), 1.0);
}

#[test]
fn too_many_steps_is_an_error_at_a_consistent_state() {
    let config = GridConfig {
        cells: 16,
        max_steps: 5,
        ..GridConfig::default()
    };
    let mut grid = EulerianGrid::new(config).unwrap();
    // A field far too fast for the step budget is refused before any work is done.
    let err = grid
        .advance_to(&mut Affine::constant([1e6, 0.0]), 1.0)
        .unwrap_err();
    assert!(err.contains("more than max_steps = 5"), "{err}");
    assert_eq!((grid.steps(), grid.t()), (0, 0.0));
    // A field that speeds up past the budget only on the way runs out of attempts.
    let mut faster = Accelerating;
    let err = grid.advance_to(&mut faster, 1.0).unwrap_err();
    assert!(
        err.contains("5 attempted steps") || err.contains("max_steps"),
        "{err}"
    );
    assert!(grid.t() < 1.0);
    let balance = grid.mass() + grid.outflow() - grid.initial_mass();
    assert!(balance.abs() < 1e-12);
}

/// v = (1e6 t^8, 0): slow at first, then far too fast for a budget of 5 steps.
struct Accelerating;

impl VelocityField for Accelerating {
    fn velocity(&mut self, t: f64, xs: &[f64], out: &mut [f64]) {
        for (o, _) in out.chunks_exact_mut(2).zip(xs.chunks_exact(2)) {
            o.copy_from_slice(&[1e6 * t.powi(8), 0.0]);
        }
    }

    fn velocity_and_jacobian(&mut self, t: f64, xs: &[f64], v: &mut [f64], jac: &mut [f64]) {
        self.velocity(t, xs, v);
        jac.fill(0.0);
    }
}

#[test]
fn a_cfl_number_below_the_minimum_is_an_error() {
    let tiny = GridConfig {
        cfl: 1e-300,
        ..GridConfig::default()
    };
    let err = EulerianGrid::new(tiny).err().expect("an error");
    assert!(err.contains("CFL"), "{err}");
}
