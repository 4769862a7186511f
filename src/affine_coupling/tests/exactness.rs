//! Invertibility, log-determinants and normalisation.

use super::super::*;
use super::{random_flow, XS};
use crate::density::Grid;

#[test]
fn inverse_undoes_the_flow_and_a_new_flow_is_the_identity() {
    let mut flow = random_flow(CouplingConfig::default(), 1);
    let (mut z, mut ld) = (XS, [0.0; 5]);
    flow.to_base(&mut z, &mut ld).unwrap();
    assert!(
        z.iter().zip(&XS).any(|(a, b)| (a - b).abs() > 0.1),
        "not a trivial map"
    );
    flow.to_data(&mut z).unwrap();
    for (a, b) in z.iter().zip(&XS) {
        assert!((a - b).abs() < 1e-12, "{a} vs {b}");
    }
    let mut fresh = CouplingFlow::new(CouplingConfig::default(), 1).unwrap();
    let (mut z, mut ld) = (XS, [1.0; 5]);
    fresh.to_base(&mut z, &mut ld).unwrap();
    assert_eq!((z, ld), (XS, [0.0; 5]));
}

#[test]
fn log_det_matches_finite_difference_jacobian_and_stages_add_up() {
    let mut flow = random_flow(CouplingConfig::default(), 2);
    let h = 1e-6;
    let (mut z, mut ld) = (XS, [0.0; 5]);
    flow.to_base(&mut z, &mut ld).unwrap();
    for (i, p) in XS.chunks_exact(2).enumerate() {
        let mut col = |k: usize| {
            let (mut up, mut down) = ([p[0], p[1]], [p[0], p[1]]);
            up[k] += h;
            down[k] -= h;
            let mut l = [0.0];
            flow.to_base(&mut up, &mut l).unwrap();
            flow.to_base(&mut down, &mut l).unwrap();
            [(up[0] - down[0]) / (2.0 * h), (up[1] - down[1]) / (2.0 * h)]
        };
        let (c0, c1) = (col(0), col(1));
        let fd = (c0[0] * c1[1] - c1[0] * c0[1]).abs().ln();
        assert!((fd - ld[i]).abs() < 1e-6, "point {i}: {fd} vs {}", ld[i]);
    }
    let stages = flow.stages(&XS).unwrap();
    let layers = flow.config().layers;
    assert_eq!(stages.positions.len(), (layers + 1) * 10);
    assert_eq!(stages.positions[..10], XS);
    assert_eq!(stages.positions[layers * 10..], z);
    for (i, total) in ld.iter().enumerate() {
        let sum: f64 = (0..layers).map(|k| stages.log_dets[k * 5 + i]).sum();
        assert!((sum - total).abs() < 1e-12);
    }
}

#[test]
fn model_density_mass_in_a_box_matches_the_fraction_of_samples_in_it() {
    let mut flow = random_flow(CouplingConfig::default(), 3);
    let half = 10.0;
    let grid = Grid::new(250, 250, [-half, half], [-half, half]).unwrap();
    let mut points = vec![0.0; 2 * grid.len()];
    grid.points(&mut points).unwrap();
    let mut lp = vec![0.0; grid.len()];
    flow.log_density(&points, &mut lp).unwrap();
    let mass: f64 = lp.iter().map(|l| l.exp()).sum::<f64>() * grid.cell_area();
    // Independent estimate: the share of the model's own samples (by the inverse) inside the box.
    let n = 40_000;
    let samples = flow.sample(n, 8).unwrap();
    let inside = samples
        .chunks_exact(2)
        .filter(|p| p[0].abs() < half && p[1].abs() < half)
        .count() as f64
        / n as f64;
    // Binomial standard error below 0.0025; the grid error is far smaller.
    assert!(
        (mass - inside).abs() < 0.01,
        "mass {mass}, share of samples {inside}"
    );
    assert!(mass > 0.5, "the box should hold most of the mass: {mass}");
}
