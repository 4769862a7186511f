//! The settings of an Eulerian grid and their validation.

/// The largest number of cells per side. The solver keeps about 23 N² numbers (193 MB at
/// N = 1024); allocation failure below this bound is reported as an error too.
pub const MAX_CELLS: usize = 1024;

/// The smallest accepted CFL number: below it a step is so short that the grid would spend
/// minutes on what takes a moment at the default.
pub const MIN_CFL: f64 = 0.01;

/// The largest CFL number for which the scheme provably keeps the density non-negative: 2/9.
///
/// Take dt = CFL · min(dx, dy) / max|v·n|, so that |u| dt/dx ≤ CFL and |v| dt/dy ≤ CFL at every
/// face. The reconstruction (`reconstruct`) gives every cell face values ≥ 0 whose sum along each
/// axis is at most 9p/4. In a forward-Euler stage a cell p therefore receives non-negative fluxes
/// and loses at most CFL (p_R + p_L + p_T + p_B) ≤ CFL · 9p/2, so it keeps p ≥ (1 - 9 CFL/2) p ≥ 0
/// for CFL ≤ 2/9. SSP-RK2 is a convex combination of such stages. The bound is checked at both
/// stage times: a step whose end velocities exceed it is retried.
pub const MAX_CFL: f64 = 2.0 / 9.0;

/// An N × N grid of cells over the box [xmin, xmax] × [ymin, ymax].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GridConfig {
    /// Cells per side, N (2 ≤ N ≤ [`MAX_CELLS`]).
    pub cells: usize,
    pub xmin: f64,
    pub xmax: f64,
    pub ymin: f64,
    pub ymax: f64,
    /// The CFL number in (0, [`MAX_CFL`]]: dt = cfl · min(dx, dy) / max|v·n|.
    pub cfl: f64,
    /// The most time steps (counting retried ones) one call of `advance_to` may attempt before it
    /// gives up with an error: a guard against fields so fast that the caller would freeze.
    pub max_steps: usize,
}

impl Default for GridConfig {
    /// 128 × 128 cells on [-5, 5]², which holds all but 6e-7 of the base N(0, I), at CFL 0.2:
    /// 10% below [`MAX_CFL`], so that a field speeding up in time rarely forces a retried step.
    fn default() -> Self {
        Self {
            cells: 128,
            xmin: -5.0,
            xmax: 5.0,
            ymin: -5.0,
            ymax: 5.0,
            cfl: 0.2,
            max_steps: 100_000,
        }
    }
}

impl GridConfig {
    /// Checks every setting; the message names the first bad one.
    pub fn validate(&self) -> Result<(), String> {
        if !(2..=MAX_CELLS).contains(&self.cells) {
            return Err(format!(
                "cells per side must be between 2 and {MAX_CELLS}, got {}",
                self.cells
            ));
        }
        check_interval("x", self.xmin, self.xmax, self.cells)?;
        check_interval("y", self.ymin, self.ymax, self.cells)?;
        if !(self.cfl >= MIN_CFL && self.cfl <= MAX_CFL) {
            return Err(format!(
                "the CFL number must be in [{MIN_CFL}, {MAX_CFL}], got {}",
                self.cfl
            ));
        }
        if self.max_steps == 0 {
            return Err("max_steps must be at least 1".to_string());
        }
        Ok(())
    }
}

/// A side of the box must be finite with cells of positive, normal (not subnormal) width.
fn check_interval(axis: &str, lo: f64, hi: f64, cells: usize) -> Result<(), String> {
    let width = hi - lo;
    if !(lo.is_finite() && hi.is_finite() && width.is_finite() && width > 0.0) {
        return Err(format!(
            "the box needs finite {axis}min < {axis}max, got [{lo}, {hi}]"
        ));
    }
    if !(width / cells as f64).is_normal() {
        return Err(format!(
            "the {axis} side [{lo}, {hi}] is too narrow for {cells} cells"
        ));
    }
    Ok(())
}
