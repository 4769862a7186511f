//! How far an Eulerian grid is from the Lagrangian view, measured where the Lagrangian density is
//! exact: at the mesh's vertices x_t.
//!
//! The grid's cell averages p̄ become point values of fourth order,
//! q(x_c) = p̄_c - (δ²_x p̄ + δ²_y p̄)_c / 24 (second differences across neighbouring cells; the
//! midpoint rule's error term), which Catmull–Rom (bicubic) interpolation reads at every x_t; the
//! density outside the grid is 0. By the change of variables x = x_t(x_0), det J_t = p_0 / p_t,
//!
//! ∫ |p_t(x) - q(x)| dx = ∫ p_0(x_0) |1 - q(x_t) / p_t(x_t)| dx_0,
//!
//! so the trapezoid rule over the mesh's starting grid gives the L1 distance between the two views
//! from the vertices alone (leaving out the mass of N(0, I) outside the mesh's box). Unlike a
//! rasterised mesh, nothing is interpolated on the Lagrangian side, where the map x_0 → x_t of a
//! learned flow tears the mesh between modes.

use super::config::MeshConfig;
use crate::density::standard_normal_log_density;

/// The two views compared at the vertices of one frame.
#[derive(Clone, Debug, PartialEq)]
pub struct VertexGap {
    /// ∫ |p_t - q| dx, the L1 distance between the views.
    pub l1: f64,
    /// max |q - p_t| / p_t over the vertices where p_t ≥ 1e-3 of its largest vertex value.
    pub max_relative: f64,
    /// q(x_t) - p_t(x_t) at each vertex.
    pub difference: Vec<f32>,
}

/// A grid of `cells` × `cells` cell averages (row-major, row 0 at ymin) over `bounds` = [xmin,
/// xmax, ymin, ymax].
#[derive(Clone, Copy, Debug)]
pub struct GridFrame<'a> {
    pub density: &'a [f32],
    pub cells: usize,
    pub bounds: [f64; 4],
}

/// Compares the `grid` with one frame of the whole `mesh`: positions x_t (two per vertex) and
/// log p_t (one per vertex). Errors on mismatched lengths or a bad box.
pub fn compare_at_vertices(
    mesh: &MeshConfig,
    positions: &[f32],
    log_density: &[f32],
    grid: GridFrame<'_>,
) -> Result<VertexGap, String> {
    mesh.validate()?;
    gap(
        mesh.side,
        &vertex_weights(mesh),
        positions,
        log_density,
        grid,
    )
}

/// The trapezoid weights of the vertices' starting grid times p_0(x_0): the measure that turns
/// |1 - q/p| at the vertices into the L1 distance.
fn vertex_weights(mesh: &MeshConfig) -> Vec<f64> {
    let side = mesh.side;
    let mut start = vec![0.0; 2 * mesh.vertices()];
    mesh.write_vertices(&mut start);
    let (hx, hy) = (
        (mesh.xmax - mesh.xmin) / (side - 1) as f64,
        (mesh.ymax - mesh.ymin) / (side - 1) as f64,
    );
    let edge = |m: usize| if m == 0 || m == side - 1 { 0.5 } else { 1.0 };
    let per_vertex = start.chunks_exact(2).enumerate();
    per_vertex
        .map(|(k, x0)| {
            let p0 = standard_normal_log_density(x0).exp();
            edge(k % side) * edge(k / side) * hx * hy * p0
        })
        .collect()
}

/// One frame of a validated `side` x `side` mesh against the grid, with the vertices' `weights`.
fn gap(
    side: usize,
    weights: &[f64],
    positions: &[f32],
    log_density: &[f32],
    grid: GridFrame<'_>,
) -> Result<VertexGap, String> {
    let n = weights.len();
    if positions.len() != 2 * n || log_density.len() != n {
        return Err(format!(
            "a mesh of {side} x {side} vertices needs {} positions and {n} log-densities, got {} \
             and {}",
            2 * n,
            positions.len(),
            log_density.len()
        ));
    }
    let points = point_values(grid)?;
    let mut l1 = 0.0;
    let mut difference = Vec::with_capacity(n);
    for (k, (&w, x)) in weights.iter().zip(positions.chunks_exact(2)).enumerate() {
        let p = (log_density[k] as f64).exp();
        let q = catmull_rom(&points, grid, x[0] as f64, x[1] as f64);
        difference.push((q - p) as f32);
        if p > 0.0 && p.is_finite() {
            l1 += w * (1.0 - q / p).abs();
        }
    }
    let peak = log_density.iter().fold(f32::NEG_INFINITY, |m, &l| m.max(l)) as f64;
    let cut = peak + (1e-3f64).ln();
    let max_relative = log_density
        .iter()
        .zip(&difference)
        .filter(|(&l, _)| l as f64 >= cut)
        .map(|(&l, &d)| (d as f64).abs() / (l as f64).exp())
        .fold(0.0, f64::max);
    Ok(VertexGap {
        l1,
        max_relative,
        difference,
    })
}

/// [`compare_at_vertices`] frame by frame: `positions`, `log_density` and `grid.density` hold the
/// same number of frames one after another. Returns the gap of each frame.
pub fn compare_films(
    mesh: &MeshConfig,
    positions: &[f32],
    log_density: &[f32],
    grid: GridFrame<'_>,
) -> Result<Vec<VertexGap>, String> {
    mesh.validate()?;
    let (n, cells) = (mesh.vertices(), grid.cells * grid.cells);
    let frames = log_density.len() / n;
    if frames == 0 || log_density.len() != frames * n || grid.density.len() != frames * cells {
        return Err(format!(
            "need whole frames of {n} vertices and {cells} cells in equal numbers, got {} \
             log-densities and {} cell values",
            log_density.len(),
            grid.density.len()
        ));
    }
    let weights = vertex_weights(mesh);
    let mut gaps = Vec::with_capacity(frames);
    for k in 0..frames {
        let frame = GridFrame {
            density: &grid.density[k * cells..(k + 1) * cells],
            ..grid
        };
        let (x, l) = (
            &positions.get(2 * k * n..2 * (k + 1) * n),
            &log_density[k * n..(k + 1) * n],
        );
        let x =
            x.ok_or_else(|| format!("need {} positions, got {}", 2 * frames * n, positions.len()))?;
        gaps.push(gap(mesh.side, &weights, x, l, frame)?);
    }
    Ok(gaps)
}

/// Fourth-order point values at the cell centres from the cell averages.
fn point_values(grid: GridFrame<'_>) -> Result<Vec<f64>, String> {
    let n = grid.cells;
    let [xmin, xmax, ymin, ymax] = grid.bounds;
    if n < 2 || grid.density.len() != n * n || !(xmin < xmax && ymin < ymax) {
        return Err(format!(
            "need a grid of at least 2 x 2 cells over a box with min < max, got {} values for {n} \
             cells over {:?}",
            grid.density.len(),
            grid.bounds
        ));
    }
    let at = |i: isize, j: isize| {
        let inside = (0..n as isize).contains(&i) && (0..n as isize).contains(&j);
        if inside {
            grid.density[j as usize * n + i as usize] as f64
        } else {
            0.0
        }
    };
    let mut out = Vec::with_capacity(n * n);
    for j in 0..n as isize {
        for i in 0..n as isize {
            let c = at(i, j);
            let second = at(i + 1, j) + at(i - 1, j) + at(i, j + 1) + at(i, j - 1) - 4.0 * c;
            out.push(c - second / 24.0);
        }
    }
    Ok(out)
}

/// Catmull–Rom weights of the four samples around a point a fraction s past the second.
fn weights(s: f64) -> [f64; 4] {
    let (s2, s3) = (s * s, s * s * s);
    [
        0.5 * (-s3 + 2.0 * s2 - s),
        0.5 * (3.0 * s3 - 5.0 * s2 + 2.0),
        0.5 * (-3.0 * s3 + 4.0 * s2 + s),
        0.5 * (s3 - s2),
    ]
}

/// The bicubic Catmull–Rom interpolant of centre values `points` at (x, y); 0 outside the grid.
fn catmull_rom(points: &[f64], grid: GridFrame<'_>, x: f64, y: f64) -> f64 {
    let n = grid.cells as isize;
    let [xmin, xmax, ymin, ymax] = grid.bounds;
    if !(x >= xmin && x <= xmax && y >= ymin && y <= ymax) {
        return 0.0;
    }
    let u = (x - xmin) / (xmax - xmin) * n as f64 - 0.5;
    let v = (y - ymin) / (ymax - ymin) * n as f64 - 0.5;
    let (i, j) = (u.floor() as isize, v.floor() as isize);
    let (wx, wy) = (weights(u - i as f64), weights(v - j as f64));
    let mut sum = 0.0;
    for (b, wy) in wy.iter().enumerate() {
        let jj = j - 1 + b as isize;
        if !(0..n).contains(&jj) {
            continue;
        }
        for (a, wx) in wx.iter().enumerate() {
            let ii = i - 1 + a as isize;
            if (0..n).contains(&ii) {
                sum += wx * wy * points[(jj * n + ii) as usize];
            }
        }
    }
    sum
}
