//! Invalid density requests are refused.

use crate::density::{log_density, Grid, LogDensity};
use crate::field::analytic::Affine;
use crate::integrate::augmented::Probe;
use crate::integrate::{IntegrateError, Method};

#[test]
fn bad_batches_grids_and_methods_are_refused() {
    let mut f = Affine::rotation(1.0);
    let rk4 = Method::Rk4 { steps: 4 };
    let mut out = [0.0; 2];
    assert!(matches!(
        log_density(&mut f, 1.0, &[1.0, 2.0, 3.0], rk4, &mut out[..1]),
        Err(IntegrateError::InvalidArgument(_))
    ));
    assert!(matches!(
        log_density(&mut f, 1.0, &[1.0, 2.0], rk4, &mut out),
        Err(IntegrateError::LengthMismatch { .. })
    ));
    assert_eq!(
        log_density(&mut f, 1.0, &[], rk4, &mut []),
        Err(IntegrateError::EmptyState)
    );
    assert_eq!(
        log_density(&mut f, f64::NAN, &[1.0, 2.0], rk4, &mut out[..1]),
        Err(IntegrateError::NonFiniteTime)
    );
    assert!(log_density(
        &mut f,
        1.0,
        &[1.0, 2.0],
        Method::Euler { steps: 0 },
        &mut out[..1]
    )
    .is_err());
    let mut e = LogDensity::new(rk4).unwrap();
    assert!(e
        .hutchinson(&mut f, 1.0, &[1.0, 2.0], Probe::Gaussian, 1, &mut out)
        .is_err());

    for (nx, ny, x, y) in [
        (0, 5, [0.0, 1.0], [0.0, 1.0]),
        (5, 5000, [0.0, 1.0], [0.0, 1.0]),
        (4096, 4096, [0.0, 1.0], [0.0, 1.0]),
        (5, 5, [1.0, 1.0], [0.0, 1.0]),
        (5, 5, [0.0, 1.0], [0.0, f64::INFINITY]),
    ] {
        assert!(Grid::new(nx, ny, x, y).is_err(), "{nx} {ny} {x:?} {y:?}");
    }
    let grid = Grid::new(3, 3, [0.0, 1.0], [0.0, 1.0]).unwrap();
    assert!(matches!(
        e.on_grid(&mut f, 1.0, &grid, &mut [0.0; 8]),
        Err(IntegrateError::LengthMismatch { .. })
    ));
    assert!(e.on_grid(&mut f, 1.0, &grid, &mut [0.0; 9]).is_ok());
}
