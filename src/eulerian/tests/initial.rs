use super::*;
use crate::eulerian::initial::normal_mass;

#[test]
fn initial_density_is_the_cell_average_of_the_standard_normal() {
    let grid = square(40, 4.0);
    let expected = gaussian_cell_averages(&grid, [0.0, 0.0], Matrix2::identity());
    for (p, q) in grid.density().iter().zip(&expected) {
        assert!((p - q).abs() <= 1e-12 * q, "{p} vs {q}");
    }
    let mass: f64 = expected.iter().sum::<f64>() * grid.cell_area();
    assert!((grid.mass() - mass).abs() < 1e-14);
    assert_eq!(grid.initial_mass(), grid.mass());
    assert_eq!((grid.t(), grid.outflow(), grid.steps()), (0.0, 0.0, 0));
}

#[test]
fn normal_masses_keep_their_accuracy_in_the_tails() {
    // Φ(9) - Φ(8) and Φ(0.5) - Φ(-1), from Python's math.erfc.
    let tail = normal_mass(8.0, 9.0);
    assert!(
        (tail / 6.219_831_985_865_866e-16 - 1.0).abs() < 1e-12,
        "{tail}"
    );
    assert!((normal_mass(-9.0, -8.0) - tail).abs() <= 1e-15 * tail);
    assert!((normal_mass(-1.0, 0.5) - 0.532_807_207_342_556).abs() < 1e-15);
}

#[test]
fn cell_centres_are_row_major() {
    let grid = EulerianGrid::new(GridConfig {
        cells: 4,
        xmin: 0.0,
        xmax: 4.0,
        ymin: -2.0,
        ymax: 6.0,
        ..GridConfig::default()
    })
    .unwrap();
    let c = grid.cell_centres();
    assert_eq!(c.len(), 32);
    assert_eq!(&c[..4], &[0.5, -1.0, 1.5, -1.0]);
    assert_eq!(&c[8..10], &[0.5, 1.0]); // cell (0, 1) follows the first row
    assert_eq!(grid.cell_area(), 2.0);
}
