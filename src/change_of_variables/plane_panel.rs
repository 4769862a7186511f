//! The 2D panel of the change-of-variables figure: N(0, I) pushed by a named map of the plane, its
//! density p_1(y) = p_0(x) / |det dφ/dx| on a grid, the image of a square grid, and pushed samples.

use super::{log_density_2d, push_2d, pushed_grid_lines, Map2};
use crate::density::{standard_normal_log_density, Grid};
use crate::random::fill_standard_normal;
use rand::{rngs::StdRng, SeedableRng};
use serde::Deserialize;

/// The maps the figure offers, by name.
pub const MAP_NAMES: [&str; 5] = ["wave", "swirl", "radial", "sinh", "affine"];
/// The picture shows [-VIEW, VIEW]²; the square grid covers [-GRID, GRID]².
pub const VIEW: f64 = 4.0;
pub const GRID: f64 = 3.0;
/// Points along each pushed grid line.
const LINE_SAMPLES: usize = 160;
/// Largest accepted number of cells per side, of samples, and of query points.
pub const MAX_CELLS: usize = 1024;
pub use crate::budget::MAX_POINTS as MAX_SAMPLES;

/// The map `name` at `strength` in [0, 1] (0 is the identity, or nearly: sinh needs a > 0):
/// wave b = 0.9s, swirl ω = 4s (radius 1.2), radial c = 0.3s, sinh a = max(0.8s, 1e-3),
/// affine A = [[1 + s/2, 0.8s], [0.3s, 1 - s/2]] (det 1 - 0.49s²), b = 0.
pub fn named_map(name: &str, strength: f64) -> Result<Map2, String> {
    if !(0.0..=1.0).contains(&strength) {
        return Err(format!("strength must be in [0, 1], got {strength}"));
    }
    let s = strength;
    match name {
        "wave" => Map2::wave(0.9 * s),
        "swirl" => Map2::swirl(4.0 * s, 1.2),
        "radial" => Map2::radial(0.3 * s),
        "sinh" => Map2::sinh((0.8 * s).max(1e-3)),
        "affine" => Map2::affine([1.0 + 0.5 * s, 0.8 * s, 0.3 * s, 1.0 - 0.5 * s], [0.0; 2]),
        _ => Err(format!(
            "unknown map '{name}' (known: {})",
            MAP_NAMES.join(", ")
        )),
    }
}

/// `{ cells, lines, samples, seed }`: density cells per side, grid lines per direction, samples.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct PlaneOptions {
    pub cells: usize,
    pub lines: usize,
    pub samples: usize,
    pub seed: u64,
}

impl Default for PlaneOptions {
    fn default() -> Self {
        Self {
            cells: 128,
            lines: 13,
            samples: 2000,
            seed: 0,
        }
    }
}

/// What the 2D panel draws and reads out.
pub struct PlanePanel {
    /// p_1 at the cell centres of [-VIEW, VIEW]² (row-major, row 0 at the bottom).
    pub density: Vec<f64>,
    /// Σ p_1 · cell area: the probability that φ(X) lands in the box.
    pub mass: f64,
    /// `pushed_grid_lines` of the square grid over [-GRID, GRID]²: 2 · lines polylines of LINE_SAMPLES points.
    pub lines: Vec<f64>,
    pub line_samples: usize,
    /// φ of N(0, I) samples, and the fraction of them inside the box.
    pub samples: Vec<f64>,
    pub inside: f64,
}

/// The 2D panel for the map `name` at `strength`.
pub fn plane_panel(name: &str, strength: f64, o: &PlaneOptions) -> Result<PlanePanel, String> {
    let map = named_map(name, strength)?;
    if !(2..=MAX_CELLS).contains(&o.cells) || !(1..=MAX_SAMPLES).contains(&o.samples) {
        return Err(format!(
            "cells must be in 2..={MAX_CELLS} and samples in 1..={MAX_SAMPLES}, got {}, {}",
            o.cells, o.samples
        ));
    }
    let grid =
        Grid::new(o.cells, o.cells, [-VIEW, VIEW], [-VIEW, VIEW]).map_err(|e| e.to_string())?;
    let mut density = vec![0.0; grid.len()];
    log_density_2d(&map, &grid, &mut density)?;
    density.iter_mut().for_each(|v| *v = v.exp());
    let mass = density.iter().sum::<f64>() * grid.cell_area();
    let lines = pushed_grid_lines(&map, [-GRID, GRID, -GRID, GRID], o.lines, LINE_SAMPLES)?;
    let mut samples = vec![0.0; 2 * o.samples];
    fill_standard_normal(&mut StdRng::seed_from_u64(o.seed), &mut samples);
    let mut log_det = vec![0.0; o.samples];
    push_2d(&map, &mut samples, &mut log_det)?;
    let within = |p: &[f64]| p[0].abs() <= VIEW && p[1].abs() <= VIEW;
    let inside = samples.chunks_exact(2).filter(|p| within(p)).count() as f64 / o.samples as f64;
    Ok(PlanePanel {
        density,
        mass,
        lines,
        line_samples: LINE_SAMPLES,
        samples,
        inside,
    })
}

/// At each point y of `ys` (interleaved): x = φ^{-1}(y), ln|det dφ/dx(x)| and
/// log p_1(y) = log p_0(x) - ln|det dφ/dx(x)|.
#[derive(Debug)]
pub struct PointValues {
    pub x: Vec<f64>,
    pub log_det: Vec<f64>,
    pub log_density: Vec<f64>,
}

pub fn plane_points(name: &str, strength: f64, ys: &[f64]) -> Result<PointValues, String> {
    let map = named_map(name, strength)?;
    if ys.is_empty() || !ys.len().is_multiple_of(2) || ys.len() > 2 * MAX_SAMPLES {
        return Err(format!(
            "need 1..={MAX_SAMPLES} interleaved (x, y) points, got {} values",
            ys.len()
        ));
    }
    if ys.iter().any(|v| !v.is_finite()) {
        return Err("points must be finite".into());
    }
    let n = ys.len() / 2;
    let (mut x, mut log_det, mut log_density) =
        (Vec::with_capacity(2 * n), vec![0.0; n], vec![0.0; n]);
    for (i, y) in ys.chunks_exact(2).enumerate() {
        let p = map.inverse([y[0], y[1]]);
        log_det[i] = map.log_abs_det(p);
        log_density[i] = standard_normal_log_density(&p) - log_det[i];
        x.extend_from_slice(&p);
    }
    if x.iter()
        .chain(&log_det)
        .chain(&log_density)
        .any(|v| !v.is_finite())
    {
        return Err("a point is too far out: its preimage or density is not finite".into());
    }
    Ok(PointValues {
        x,
        log_det,
        log_density,
    })
}
