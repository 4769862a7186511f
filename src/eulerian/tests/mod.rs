//! Checks of the Eulerian solver against closed-form densities, computed independently of the
//! solver (Gauss-Legendre quadrature of the Gaussian pdf, nalgebra's matrix exponential).

mod affine;
mod conservation;
mod initial;
mod positivity;
mod sampling;
mod table;
mod validation;

use super::{EulerianGrid, GridConfig, MAX_CFL};
use nalgebra::{Matrix2, Vector2};

/// A grid of n × n cells on the square [-half, half]² at the largest CFL number.
fn square(n: usize, half: f64) -> EulerianGrid {
    EulerianGrid::new(GridConfig {
        cells: n,
        xmin: -half,
        xmax: half,
        ymin: -half,
        ymax: half,
        cfl: MAX_CFL,
        max_steps: 100_000,
    })
    .unwrap()
}

/// 5-point Gauss-Legendre nodes and weights on [-1, 1].
const GAUSS: [(f64, f64); 5] = [
    (0.0, 0.568_888_888_888_888_9),
    (-0.538_469_310_105_683_1, 0.478_628_670_499_366_5),
    (0.538_469_310_105_683_1, 0.478_628_670_499_366_5),
    (-0.906_179_845_938_664, 0.236_926_885_056_189_1),
    (0.906_179_845_938_664, 0.236_926_885_056_189_1),
];

/// The density of N(mean, cov) at x.
fn gaussian_pdf(x: Vector2<f64>, mean: Vector2<f64>, cov: Matrix2<f64>) -> f64 {
    let d = x - mean;
    let quad = d.dot(&(cov.try_inverse().unwrap() * d));
    (-0.5 * quad).exp() / (2.0 * std::f64::consts::PI * cov.determinant().sqrt())
}

/// The cell averages of N(mean, cov) on the grid, by 5 × 5-point Gauss-Legendre per cell.
fn gaussian_cell_averages(grid: &EulerianGrid, mean: [f64; 2], cov: Matrix2<f64>) -> Vec<f64> {
    let c = grid.config();
    let n = c.cells as f64;
    let (hx, hy) = ((c.xmax - c.xmin) / n / 2.0, (c.ymax - c.ymin) / n / 2.0);
    let mean = Vector2::from(mean);
    let average = |x: f64, y: f64| {
        let mut sum = 0.0;
        for (a, wa) in GAUSS {
            for (b, wb) in GAUSS {
                let at = Vector2::new(x + a * hx, y + b * hy);
                sum += wa * wb * gaussian_pdf(at, mean, cov);
            }
        }
        sum / 4.0
    };
    let centres = grid.cell_centres().chunks_exact(2);
    centres.map(|c| average(c[0], c[1])).collect()
}

/// Σ |p - q| · area.
fn l1(p: &[f64], q: &[f64], area: f64) -> f64 {
    p.iter().zip(q).map(|(p, q)| (p - q).abs()).sum::<f64>() * area
}
