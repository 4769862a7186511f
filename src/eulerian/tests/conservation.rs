//! Mass: conserved up to what leaves through the edges, and never negative.

use super::*;
use crate::field::analytic::Affine;

/// |mass + outflow - initial mass| relative to the initial mass.
fn balance(grid: &EulerianGrid) -> f64 {
    (grid.mass() + grid.outflow() - grid.initial_mass()).abs() / grid.initial_mass()
}

fn min_density(grid: &EulerianGrid) -> f64 {
    grid.density().iter().fold(f64::INFINITY, |m, &p| m.min(p))
}

#[test]
fn expansion_reports_the_mass_it_pushes_out() {
    // v = x spreads N(0, I) to N(0, e^{2t} I); the box [-3, 3]² keeps only part of it.
    let mut grid = square(96, 3.0);
    let mut field = Affine::linear([1.0, 0.0, 0.0, 1.0]);
    for t in [0.25, 0.5, 0.75, 1.0] {
        grid.advance_to(&mut field, t).unwrap();
        assert!(balance(&grid) < 1e-12, "{}", balance(&grid));
        assert!(min_density(&grid) >= 0.0);
    }
    let cov = Matrix2::identity() * 1f64.exp().powi(2);
    let kept: f64 = gaussian_cell_averages(&grid, [0.0, 0.0], cov)
        .iter()
        .sum::<f64>();
    let expected = grid.initial_mass() - kept * grid.cell_area();
    eprintln!("outflow {} expected {expected}", grid.outflow());
    assert!(expected > 0.3 && (grid.outflow() - expected).abs() < 2e-3 * expected);
}

#[test]
fn constant_push_reports_the_mass_beyond_the_edge() {
    let mut grid = square(96, 4.0);
    grid.advance_to(&mut Affine::constant([3.0, 0.0]), 1.0)
        .unwrap();
    let kept: f64 = gaussian_cell_averages(&grid, [3.0, 0.0], Matrix2::identity())
        .iter()
        .sum::<f64>();
    let expected = grid.initial_mass() - kept * grid.cell_area();
    assert!(expected > 0.1 && (grid.outflow() - expected).abs() < 1e-2 * expected);
    assert!(balance(&grid) < 1e-12, "{}", balance(&grid));
}

#[test]
fn rotation_loses_only_what_crosses_the_edges() {
    // v = 3 (-y, x) crosses the edge x = 6 outwards where y < 0 (and nothing comes back in), at
    // the rate 3 φ(6) ∫₀⁶ y φ(y) dy = 7.3e-9 per edge at t = 0 (φ the N(0, 1) pdf): 2.9e-8 in all.
    let mut grid = square(64, 6.0);
    grid.advance_to(&mut Affine::rotation(3.0), 1.0).unwrap();
    eprintln!("outflow {:.3e}", grid.outflow());
    assert!(balance(&grid) < 1e-12);
    assert!(
        (1.5e-8..4.5e-8).contains(&grid.outflow()),
        "{}",
        grid.outflow()
    );
    assert!(grid.steps() > 100);
}

#[test]
fn sharp_density_stays_non_negative_under_shear_and_compression() {
    // Cells of width 2 make N(0, I) nearly a spike: the limiter must act to keep p ≥ 0.
    let mut grid = square(12, 12.0);
    let mut field = Affine::linear([1.0, 3.0, -2.0, -1.5]);
    for k in 1..=20 {
        grid.advance_to(&mut field, 0.1 * k as f64).unwrap();
        assert!(min_density(&grid) >= 0.0, "{}", min_density(&grid));
        assert!(balance(&grid) < 1e-12);
    }
}

#[test]
fn reset_restores_the_initial_state() {
    let mut grid = square(32, 4.0);
    let start = grid.density().to_vec();
    grid.advance_to(&mut Affine::constant([1.0, 1.0]), 1.0)
        .unwrap();
    assert!(grid.outflow() > 0.0 && grid.density() != start.as_slice());
    grid.reset();
    assert_eq!(grid.density(), start.as_slice());
    assert_eq!((grid.t(), grid.outflow(), grid.steps()), (0.0, 0.0, 0));
}
