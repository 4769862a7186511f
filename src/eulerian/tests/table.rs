//! Face velocities from a table of time nodes: exact for fields cubic in t, the same film as the
//! field itself, and clear errors for bad tables.

use super::*;
use crate::eulerian::{uniform_nodes, FaceTable};
use crate::field::pointwise::Pointwise;

/// A rotation whose rate is cubic in t: v = ω(t) (-y, x), ω(t) = 1 + 2t - 3t² + 4t³.
fn cubic_in_time(t: f64, x: f64, y: f64) -> ([f64; 2], [f64; 4]) {
    let w = 1.0 + t * (2.0 + t * (-3.0 + 4.0 * t));
    ([-w * y, w * x], [0.0, -w, w, 0.0])
}

/// A table of `field` on `grid` at `nodes`.
fn table_of(grid: &EulerianGrid, field: &mut Pointwise, nodes: Vec<f64>) -> FaceTable {
    let config = *grid.config();
    let mut values = vec![0.0; nodes.len() * FaceTable::values_per_node(&config)];
    FaceTable::sample_into(&config, field, &nodes, &mut values).unwrap();
    FaceTable::new(&config, nodes, values).unwrap()
}

#[test]
fn a_field_cubic_in_time_gives_the_same_film_from_five_nodes() {
    let mut field = Pointwise(cubic_in_time);
    let mut grid = square(32, 5.0);
    let mut table = table_of(&grid, &mut field, uniform_nodes(5));
    let times = [0.0, 0.13, 0.5, 0.77, 1.0];
    let from_table = grid.film(&mut table, &times).unwrap();
    let mut direct = square(32, 5.0);
    for (k, &t) in times.iter().enumerate() {
        direct.advance_to(&mut field, t).unwrap();
        let frame = from_table.frame(k);
        let gap = frame
            .iter()
            .zip(direct.density())
            .map(|(&a, &b)| (a as f64 - b).abs())
            .fold(0.0, f64::max);
        // The velocities agree to f32 rounding, so the densities to about 1e-6 of their peak 0.16.
        assert!(gap < 2e-6, "t = {t}: largest gap {gap}");
        let kept = from_table.mass[k] + from_table.outflow[k];
        assert!((kept - grid.initial_mass()).abs() < 1e-9, "t = {t}: {kept}");
    }
}

#[test]
fn frames_are_the_states_the_solver_passes_through() {
    let mut field = Pointwise(cubic_in_time);
    let mut grid = square(24, 5.0);
    let film = grid.film(
        &mut table_of(&grid, &mut field, uniform_nodes(9)),
        &[0.0, 0.4, 0.4, 1.0],
    );
    let film = film.unwrap();
    assert_eq!(film.density.len(), 4 * 24 * 24);
    assert_eq!(film.frame(1), film.frame(2));
    let p0: Vec<f32> = square(24, 5.0)
        .density()
        .iter()
        .map(|&p| p as f32)
        .collect();
    assert_eq!(film.frame(0), &p0[..]);
    assert_eq!(grid.t(), 1.0);
}

#[test]
fn bad_tables_and_times_are_errors() {
    let grid = square(8, 3.0);
    let config = *grid.config();
    let per_node = FaceTable::values_per_node(&config);
    assert_eq!(per_node, 2 * 8 * 9);
    let ok = vec![0.5f32; 3 * per_node];
    let table = |nodes: Vec<f64>, values: Vec<f32>| FaceTable::new(&config, nodes, values);
    assert!(table(vec![0.0, 0.5, 1.0], ok.clone()).is_ok());
    assert!(table(vec![0.0, 0.5, 0.5], ok.clone()).is_err()); // not increasing
    assert!(table(vec![0.0, f64::NAN, 1.0], ok.clone()).is_err());
    assert!(table(vec![1.0], ok[..per_node].to_vec()).is_err()); // one node
    assert!(table(vec![0.0, 0.5, 1.0], ok[1..].to_vec()).is_err()); // short
    let mut nan = ok.clone();
    nan[per_node + 3] = f32::NAN;
    let message = table(vec![0.0, 0.5, 1.0], nan).unwrap_err();
    assert!(message.contains("node 1"), "{message}");
    // Outside the nodes there is nothing to interpolate.
    let mut short = table(vec![0.0, 0.25, 0.5], ok).unwrap();
    let mut grid = square(8, 3.0);
    assert!(grid.advance_with(&mut short, 0.75).is_err());
    assert!(grid.film(&mut short, &[0.5, 0.25]).is_err()); // descending
    assert!(grid.film(&mut short, &[]).is_err());
    let mut values = vec![0.0; per_node];
    let mut field = Pointwise(cubic_in_time);
    assert!(FaceTable::sample_into(&config, &mut field, &[0.0, 1.0], &mut values).is_err());
    assert!(FaceTable::sample_into(&config, &mut field, &[f64::INFINITY], &mut values).is_err());
}
