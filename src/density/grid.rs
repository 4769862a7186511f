//! A regular grid of evaluation points over a box, for density images and quadrature.

use crate::integrate::IntegrateError;

/// Largest accepted number of grid points along one axis.
pub const MAX_GRID_SIDE: usize = 4096;
/// Largest accepted number of grid points in all (2^22, about 4 million).
pub const MAX_GRID_POINTS: usize = 1 << 22;

/// `nx x ny` cell centres over [x_min, x_max] x [y_min, y_max]. Point (ix, iy) is
/// (x_min + (ix + 1/2) dx, y_min + (iy + 1/2) dy), stored row-major: index iy * nx + ix, so row 0
/// is the bottom row (y near y_min). The midpoint rule sum f dx dy then integrates over the box.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Grid {
    nx: usize,
    ny: usize,
    x: [f64; 2],
    y: [f64; 2],
}

impl Grid {
    /// Needs 1 <= nx, ny <= `MAX_GRID_SIDE`, nx ny <= `MAX_GRID_POINTS` and finite ranges with min < max.
    pub fn new(nx: usize, ny: usize, x: [f64; 2], y: [f64; 2]) -> Result<Self, IntegrateError> {
        let side_ok = |n: usize| (1..=MAX_GRID_SIDE).contains(&n);
        let range_ok = |r: [f64; 2]| r[0].is_finite() && r[1].is_finite() && r[0] < r[1];
        if !side_ok(nx) || !side_ok(ny) || nx * ny > MAX_GRID_POINTS {
            return Err(IntegrateError::InvalidArgument(
                "grid sides must be in 1..=4096 with at most 2^22 points",
            ));
        }
        if !range_ok(x) || !range_ok(y) {
            return Err(IntegrateError::InvalidArgument(
                "grid ranges must be finite with min < max",
            ));
        }
        Ok(Self { nx, ny, x, y })
    }

    /// Number of points, nx * ny.
    pub fn len(&self) -> usize {
        self.nx * self.ny
    }

    /// Always false: a valid grid has at least one point.
    pub fn is_empty(&self) -> bool {
        false
    }

    /// Spacing (dx, dy).
    pub fn spacing(&self) -> (f64, f64) {
        (
            (self.x[1] - self.x[0]) / self.nx as f64,
            (self.y[1] - self.y[0]) / self.ny as f64,
        )
    }

    /// Area dx dy of one cell.
    pub fn cell_area(&self) -> f64 {
        let (dx, dy) = self.spacing();
        dx * dy
    }

    /// Writes the interleaved cell centres into `out` (length 2 nx ny).
    pub fn points(&self, out: &mut [f64]) -> Result<(), IntegrateError> {
        let expected = 2 * self.len();
        if out.len() != expected {
            return Err(IntegrateError::LengthMismatch {
                what: "grid points",
                expected,
                got: out.len(),
            });
        }
        let (dx, dy) = self.spacing();
        for (i, p) in out.chunks_exact_mut(2).enumerate() {
            let (iy, ix) = (i / self.nx, i % self.nx);
            p[0] = self.x[0] + (ix as f64 + 0.5) * dx;
            p[1] = self.y[0] + (iy as f64 + 0.5) * dy;
        }
        Ok(())
    }
}
