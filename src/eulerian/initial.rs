//! The initial density: the exact average of the base N(0, I) over every cell.
//!
//! The standard normal factorises, so the mass of a cell is a product of one-dimensional masses
//! Φ(b) - Φ(a), with Φ the normal CDF, Φ(z) = erfc(-z/√2)/2. `libm`'s erf/erfc are accurate to
//! about one ulp; differences are taken between erfc values in the tails so that the small masses
//! far from the origin keep their relative accuracy.

use super::geometry::Geometry;
use std::f64::consts::FRAC_1_SQRT_2;

/// Φ(b) - Φ(a) for a ≤ b, without cancellation when both lie in the same tail.
pub(super) fn normal_mass(a: f64, b: f64) -> f64 {
    let (a, b) = (a * FRAC_1_SQRT_2, b * FRAC_1_SQRT_2);
    if a >= 0.0 {
        0.5 * (libm::erfc(a) - libm::erfc(b))
    } else if b <= 0.0 {
        0.5 * (libm::erfc(-b) - libm::erfc(-a))
    } else {
        0.5 * (libm::erf(b) - libm::erf(a))
    }
}

/// The masses of the N intervals [lo + k h, lo + (k + 1) h] under N(0, 1).
fn interval_masses(lo: f64, h: f64, n: usize) -> impl Iterator<Item = f64> {
    (0..n).map(move |k| normal_mass(lo + k as f64 * h, lo + (k + 1) as f64 * h))
}

/// Writes the cell averages of N(0, I), row-major: mass_x(i) mass_y(j) / (dx dy).
pub(super) fn write_standard_normal(geo: &Geometry, out: &mut [f64]) {
    let inv_area = 1.0 / (geo.dx * geo.dy);
    let mx: Vec<f64> = interval_masses(geo.xmin, geo.dx, geo.n).collect();
    let rows = out.chunks_exact_mut(geo.n);
    for (row, my) in rows.zip(interval_masses(geo.ymin, geo.dy, geo.n)) {
        for (p, mx) in row.iter_mut().zip(&mx) {
            *p = mx * my * inv_area;
        }
    }
}
