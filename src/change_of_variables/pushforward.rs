//! Pushed-forward densities on grids, pushed samples, and the image of a regular grid.
//!
//! With base p_0 = N(0, I) and y = φ(x): log p_1(y) = log p_0(x) - ln|det dφ/dx(x)|, x = φ^{-1}(y).

use super::map1::Map1;
use super::map2::Map2;
use crate::density::{standard_normal_log_density, Grid};

/// Largest accepted number of lines or of samples per line of a pushed grid.
pub const MAX_LINES: usize = 1024;

/// log p_1(y) of N(0, 1) pushed by `map`, for every y of `ys` into `out` (-inf off the image).
pub fn log_density_1d(map: &impl Map1, ys: &[f64], out: &mut [f64]) -> Result<(), String> {
    if ys.len() != out.len() {
        return Err(format!("{} points but {} outputs", ys.len(), out.len()));
    }
    for (o, &y) in out.iter_mut().zip(ys) {
        *o = match map.inverse(y) {
            Some(x) if x.is_finite() => {
                standard_normal_log_density(&[x]) - map.log_abs_derivative(x)
            }
            _ => f64::NEG_INFINITY,
        };
    }
    Ok(())
}

/// log p_1 of N(0, I) pushed by `map` at the cell centres of `grid` (row-major, `grid.len()` values).
pub fn log_density_2d(map: &Map2, grid: &Grid, out: &mut [f64]) -> Result<(), String> {
    let mut points = vec![0.0; 2 * grid.len()];
    grid.points(&mut points).map_err(|e| e.to_string())?;
    if out.len() != grid.len() {
        return Err(format!(
            "grid has {} cells, output {}",
            grid.len(),
            out.len()
        ));
    }
    for (o, y) in out.iter_mut().zip(points.chunks_exact(2)) {
        let x = map.inverse([y[0], y[1]]);
        *o = standard_normal_log_density(&x) - map.log_abs_det(x);
    }
    Ok(())
}

/// The image of `count` equally spaced points of [lo, hi] under a 1D map: where a regular grid of
/// the base lands (e.g. normal quantile ticks crowding near the Gamma mode).
pub fn pushed_grid_1d(map: &impl Map1, range: [f64; 2], count: usize) -> Result<Vec<f64>, String> {
    let [lo, hi] = range;
    let range_ok = lo.is_finite() && hi.is_finite() && lo < hi;
    if !range_ok || !(2..=MAX_LINES).contains(&count) {
        return Err(format!(
            "need a finite range with min < max and 2..={MAX_LINES} points, got {range:?}, {count}"
        ));
    }
    let step = (hi - lo) / (count - 1) as f64;
    Ok((0..count)
        .map(|i| map.forward(lo + i as f64 * step))
        .collect())
}

/// Pushes interleaved points `xs` through `map` in place, writing ln|det dφ/dx| per point.
pub fn push_2d(map: &Map2, xs: &mut [f64], log_det: &mut [f64]) -> Result<(), String> {
    if !xs.len().is_multiple_of(2) || log_det.len() != xs.len() / 2 {
        return Err(format!(
            "{} coordinates need {} log-determinants, got {}",
            xs.len(),
            xs.len() / 2,
            log_det.len()
        ));
    }
    for (p, ld) in xs.chunks_exact_mut(2).zip(log_det.iter_mut()) {
        *ld = map.log_abs_det([p[0], p[1]]);
        p.copy_from_slice(&map.forward([p[0], p[1]]));
    }
    Ok(())
}

/// The image of a regular grid over `bounds = [x_min, x_max, y_min, y_max]`: `lines` horizontal
/// lines (constant y, bottom to top) and then `lines` vertical ones (constant x, left to right), each a
/// polyline of `samples` points pushed by `map`. Returns 2 · lines · samples interleaved points.
pub fn pushed_grid_lines(
    map: &Map2,
    bounds: [f64; 4],
    lines: usize,
    samples: usize,
) -> Result<Vec<f64>, String> {
    let [x0, x1, y0, y1] = bounds;
    if !(bounds.iter().all(|b| b.is_finite()) && x0 < x1 && y0 < y1) {
        return Err(format!(
            "grid bounds must be finite with min < max, got {bounds:?}"
        ));
    }
    if !(2..=MAX_LINES).contains(&lines) || !(2..=MAX_LINES).contains(&samples) {
        return Err(format!(
            "need 2..={MAX_LINES} lines and samples per line, got {lines}, {samples}"
        ));
    }
    let at = |lo: f64, hi: f64, i: usize, n: usize| lo + (hi - lo) * i as f64 / (n - 1) as f64;
    let mut out = Vec::with_capacity(4 * lines * samples);
    for horizontal in [true, false] {
        for l in 0..lines {
            for s in 0..samples {
                let x = if horizontal {
                    [at(x0, x1, s, samples), at(y0, y1, l, lines)]
                } else {
                    [at(x0, x1, l, lines), at(y0, y1, s, samples)]
                };
                out.extend_from_slice(&map.forward(x));
            }
        }
    }
    Ok(out)
}
