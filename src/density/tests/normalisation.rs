//! The exact density of a nonlinear flow is a probability density: it integrates to 1.

use crate::density::{Grid, LogDensity};
use crate::field::pointwise::Pointwise;
use crate::integrate::tests::fields::wavy;
use crate::integrate::{DopriConfig, Method};

#[test]
fn nonlinear_flow_density_integrates_to_one_on_a_grid() {
    // At t = 1 the Wavy flow of N(0, I) stays well inside [-7, 7] x [-8, 9] (checked by the
    // mass itself: a box that cut off the tails would lose more than the 1% allowed).
    let grid = Grid::new(160, 170, [-7.0, 7.0], [-8.0, 9.0]).unwrap();
    for method in [
        Method::Rk4 { steps: 20 },
        Method::Dopri5(DopriConfig {
            rtol: 1e-6,
            atol: 1e-8,
            ..DopriConfig::default()
        }),
    ] {
        let mut evaluator = LogDensity::new(method).unwrap();
        let mut logp = vec![0.0; grid.len()];
        evaluator
            .on_grid(&mut Pointwise(wavy), 1.0, &grid, &mut logp)
            .unwrap();
        let mass: f64 = logp.iter().map(|l| l.exp()).sum::<f64>() * grid.cell_area();
        assert!((mass - 1.0).abs() < 0.01, "{method:?}: mass {mass}");
        // The flow really reshapes the density: it spreads out, lowering the base Gaussian's peak.
        let base_peak = -(2.0 * std::f64::consts::PI).ln();
        let peak = logp.iter().cloned().fold(f64::MIN, f64::max);
        assert!(peak < base_peak - 0.1, "{method:?}: peak {peak}");
    }
}

#[test]
fn grid_points_are_row_major_cell_centres() {
    let grid = Grid::new(4, 2, [0.0, 4.0], [-1.0, 1.0]).unwrap();
    let mut pts = [0.0; 16];
    grid.points(&mut pts).unwrap();
    assert_eq!(&pts[..4], &[0.5, -0.5, 1.5, -0.5]);
    assert_eq!(&pts[8..10], &[0.5, 0.5]);
    assert_eq!(grid.cell_area(), 1.0);
}
