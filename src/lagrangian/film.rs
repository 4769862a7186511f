//! The Lagrangian view at many times from one integration: every vertex of (a band of rows of) the
//! mesh carried with its Jacobian, read out at each frame time by dense output.

use super::config::MeshConfig;
use crate::density::standard_normal_log_density;
use crate::field::VelocityField;
use crate::integrate::augmented::{log_abs_det, pack, Augmentation, Jacobian, JacobianOde};
use crate::integrate::{Method, Solver};
use std::ops::Range;

/// The most frames one film may record.
pub const MAX_MESH_FRAMES: usize = 1001;

/// The most vertex records (frames × vertices) one film may hold: 2^21, about 100 MB of states.
pub const MAX_MESH_FILM: usize = 1 << 21;

/// Positions x_t (two per vertex) and log p_t(x_t) (one per vertex) of the film's vertices at each
/// of `times`, frame after frame, in `f32`.
#[derive(Clone, Debug, PartialEq)]
pub struct MeshFilm {
    pub times: Vec<f64>,
    pub vertices: usize,
    pub positions: Vec<f32>,
    pub log_density: Vec<f32>,
}

/// Carries the vertices of rows `rows` of `config` (all rows: 0..side) from t = 0 through `times`
/// (1 ..= [`MAX_MESH_FRAMES`], ascending in [0, 1]) by the flow ODE with its Jacobian,
///
/// dx/dt = v(x, t),   dJ/dt = (dv/dx) J,   log p_t(x_t) = log p_0(x_0) - log |det J_t|,
///
/// taking the fixed steps of `method` over [0, t_last] and reading the frames off its cubic
/// Hermite dense output ([`Solver::dense`]): for RK4 the frames cost no more than the steps.
/// Errors: a bad mesh, row band, time list or method, or a state that is no longer finite.
pub fn film<F: VelocityField + ?Sized>(
    field: &mut F,
    config: &MeshConfig,
    rows: Range<usize>,
    times: &[f64],
    method: Method,
) -> Result<MeshFilm, String> {
    config.validate()?;
    if rows.start >= rows.end || rows.end > config.side {
        return Err(format!(
            "rows {}..{} are not a band of the mesh's {} rows",
            rows.start, rows.end, config.side
        ));
    }
    if !(1..=MAX_MESH_FRAMES).contains(&times.len()) {
        return Err(format!(
            "need 1 to {MAX_MESH_FRAMES} frame times, got {}",
            times.len()
        ));
    }
    if !times.iter().all(|t| (0.0..=1.0).contains(t)) || times.windows(2).any(|w| w[0] > w[1]) {
        return Err("frame times must be ascending in [0, 1]".to_string());
    }
    let records_needed = times.len() * (rows.end - rows.start) * config.side;
    if records_needed > MAX_MESH_FILM {
        return Err(format!(
            "{} frames of {} vertices are more than {MAX_MESH_FILM} vertex records: use fewer \
             frames or vertices",
            times.len(),
            (rows.end - rows.start) * config.side
        ));
    }
    let mut all = vec![0.0; 2 * config.vertices()];
    config.write_vertices(&mut all);
    let start = &all[2 * rows.start * config.side..2 * rows.end * config.side];
    let n = start.len() / 2;
    let stride = Jacobian::STRIDE;
    let mut state = vec![0.0; stride * n];
    pack(start, Jacobian::INITIAL, &mut state).map_err(|e| e.to_string())?;
    let t_last = times[times.len() - 1];
    let mut records = vec![0.0; times.len() * state.len()];
    if t_last > 0.0 {
        let mut solver = Solver::new(method).map_err(|e| e.to_string())?;
        let mut ode = JacobianOde::new(field, Jacobian);
        solver
            .dense(&mut ode, (0.0, t_last), &mut state, times, &mut records)
            .map_err(|e| e.to_string())?;
    } else {
        for frame in records.chunks_exact_mut(state.len()) {
            frame.copy_from_slice(&state);
        }
    }
    let base: Vec<f64> = start
        .chunks_exact(2)
        .map(standard_normal_log_density)
        .collect();
    let mut positions = Vec::with_capacity(times.len() * 2 * n);
    let mut log_density = Vec::with_capacity(times.len() * n);
    for record in records.chunks_exact(stride) {
        positions.extend([record[0] as f32, record[1] as f32]);
    }
    for (k, record) in records.chunks_exact(stride).enumerate() {
        log_density.push((base[k % n] - log_abs_det(&record[2..])) as f32);
    }
    Ok(MeshFilm {
        times: times.to_vec(),
        vertices: n,
        positions,
        log_density,
    })
}
