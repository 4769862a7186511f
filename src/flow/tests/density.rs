use super::*;
use crate::density::Grid;
use crate::integrate::augmented::Probe;

#[test]
fn the_exact_density_integrates_to_one() {
    // Midpoint rule on a 60 x 60 grid over [-6, 6]²: N(0, I) pushed by a field that moved the
    // mass towards radius 2.8 keeps (nearly) all of it inside the box.
    let grid = Grid::new(60, 60, [-6.0, 6.0], [-6.0, 6.0]).unwrap();
    let mut points = vec![0.0; 2 * grid.len()];
    grid.points(&mut points).unwrap();
    let flow = trained();
    for t in [0.5, 1.0] {
        let lp = flow.log_density(&points, t, RK4_20).unwrap();
        let mass: f64 = lp.iter().map(|l| l.exp()).sum::<f64>() * grid.cell_area();
        assert!((mass - 1.0).abs() < 2e-3, "t = {t}: mass {mass}");
    }
    // At t = 0 the flow has not moved: the density is the base N(0, I).
    let lp0 = flow.log_density(&points[..8], 0.0, RK4_20).unwrap();
    for (l, p) in lp0.iter().zip(points.chunks_exact(2)) {
        let base = -0.5 * (p[0] * p[0] + p[1] * p[1]) - std::f64::consts::TAU.ln();
        assert!((l - base).abs() < 1e-12);
    }
}

#[test]
fn hutchinson_estimates_average_to_the_exact_log_density() {
    let points = [0.3, -0.2, 2.0, 1.9, -2.7, 0.4, 0.0, 2.5];
    let flow = trained();
    let method = Method::Rk4 { steps: 10 };
    let exact = flow.log_density(&points, 1.0, method).unwrap();
    let runs = 400;
    let estimates: Vec<Vec<f64>> = (0..runs)
        .map(|seed| {
            flow.log_density_hutchinson(&points, 1.0, method, Probe::Rademacher, seed)
                .unwrap()
        })
        .collect();
    for (i, &e) in exact.iter().enumerate() {
        let xs: Vec<f64> = estimates.iter().map(|r| r[i]).collect();
        let mean = xs.iter().sum::<f64>() / runs as f64;
        let sd = (xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (runs - 1) as f64).sqrt();
        // Unbiased: the mean is within 4 standard errors; and it is an estimate, not the value.
        assert!(
            (mean - e).abs() <= 4.0 * sd / (runs as f64).sqrt() + 1e-9,
            "{i}: {mean} vs {e}"
        );
        assert!(sd > 1e-6, "{i}: no variance");
    }
}
