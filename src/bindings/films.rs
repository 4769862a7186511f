//! The density views as films: every frame of both views for one network, computed once so that
//! scrubbing t never recomputes. The work splits across workers: face velocities node by node,
//! the mesh band by band; one worker then runs the grid through all frames.

use super::convert::{error, options, ObjectBuilder};
use super::method::method_only;
use super::model::FlowModel;
use super::views::{GridOptions, MeshOptions};
use crate::eulerian::{EulerianGrid, FaceTable};
use crate::lagrangian::{compare_films, film, GridFrame};
use js_sys::Float32Array;
use wasm_bindgen::prelude::*;

/// Most network work one call of `face_velocities` may do: nodes × faces × weights.
const MAX_TABLE_WORK: u64 = 1 << 38;

/// Most values one table may hold (128 MB of `f32`): 507 nodes of a 128-cell grid, 255 of 256.
const MAX_TABLE_VALUES: u64 = 1 << 25;

/// The most CFL steps one film may take, times the cells of the grid.
const MAX_FILM_STEP_CELLS: u64 = 1 << 33;

/// v·n at every face centre of the grid `{ cells, box }` at each of `nodes`: a Float32Array of
/// nodes × 2 N (N + 1) values, node after node (x-faces, then y-faces).
#[wasm_bindgen]
pub fn face_velocities(
    model: &FlowModel,
    grid: JsValue,
    nodes: &[f64],
) -> Result<Float32Array, JsError> {
    const CONTEXT: &str = "face_velocities";
    let config = options::<GridOptions>(CONTEXT, &grid, &[])?.config();
    config.validate().map_err(|e| error(CONTEXT, e))?;
    let per_node = FaceTable::values_per_node(&config) as u64;
    let values = nodes.len() as u64 * per_node;
    let work = values / 2 * model.flow().net().n_params() as u64;
    if nodes.is_empty() || work > MAX_TABLE_WORK || values > MAX_TABLE_VALUES {
        return Err(error(
            CONTEXT,
            format!(
                "{} nodes of a {}-cell grid: need at least one node, at most {MAX_TABLE_VALUES} \
                 values and {MAX_TABLE_WORK} units of work (nodes x faces x weights)",
                nodes.len(),
                config.cells
            ),
        ));
    }
    let mut values = vec![0.0; values as usize];
    FaceTable::sample_into(&config, &mut model.field(), nodes, &mut values)
        .map_err(|e| error(CONTEXT, e))?;
    Ok(Float32Array::from(&values[..]))
}

/// The Eulerian film of the grid `{ cells, box, cfl }` at `times`, its face velocities
/// interpolated from `values` at `nodes` (as written by `face_velocities`, possibly by several
/// workers and joined): `{ density: Float32Array (frames × N²), mass, outflow, steps }`.
#[wasm_bindgen]
pub fn eulerian_film(
    grid: JsValue,
    nodes: &[f64],
    values: &[f32],
    times: &[f64],
) -> Result<JsValue, JsError> {
    const CONTEXT: &str = "eulerian_film";
    let mut config = options::<GridOptions>(CONTEXT, &grid, &[])?.config();
    config.validate().map_err(|e| error(CONTEXT, e))?;
    config.max_steps = config
        .max_steps
        .min((MAX_FILM_STEP_CELLS / (config.cells * config.cells) as u64) as usize);
    let mut table =
        FaceTable::new(&config, nodes.to_vec(), values.to_vec()).map_err(|e| error(CONTEXT, e))?;
    let mut grid = EulerianGrid::new(config).map_err(|e| error(CONTEXT, e))?;
    let film = grid
        .film(&mut table, times)
        .map_err(|e| error(CONTEXT, e))?;
    Ok(ObjectBuilder::default()
        .set("density", Float32Array::from(&film.density[..]))
        .array("mass", &film.mass)
        .array("outflow", &film.outflow)
        .set("steps", grid.steps() as u32)
        .build())
}

/// Rows `row_start..row_end` of the mesh `{ n, box }` carried through `times` with the fixed-step
/// `solver` (`{ method, steps }`): `{ positions: Float32Array (frames × 2 vertices), log_density:
/// Float32Array (frames × vertices) }`.
#[wasm_bindgen]
pub fn lagrangian_film(
    model: &FlowModel,
    mesh: JsValue,
    row_start: u32,
    row_end: u32,
    times: &[f64],
    solver: JsValue,
) -> Result<JsValue, JsError> {
    const CONTEXT: &str = "lagrangian_film";
    let config = options::<MeshOptions>(CONTEXT, &mesh, &[])?.config();
    config.validate().map_err(|e| error(CONTEXT, e))?;
    let rows = row_start as usize..(row_end as usize).min(config.side + 1);
    let vertices = rows.len() * config.side;
    let method = model.bounded(CONTEXT, method_only(CONTEXT, &solver)?, vertices)?;
    let f =
        film(&mut model.field(), &config, rows, times, method).map_err(|e| error(CONTEXT, e))?;
    Ok(ObjectBuilder::default()
        .set("positions", Float32Array::from(&f.positions[..]))
        .set("log_density", Float32Array::from(&f.log_density[..]))
        .build())
}

/// Both films compared frame by frame at the mesh's vertices (where the Lagrangian density is
/// exact): `{ l1, max_relative: Float64Array (one per frame), difference: Float32Array (q - p per
/// vertex and frame) }` for the whole mesh `{ n, box }` and the grid `{ cells, box }`.
#[wasm_bindgen]
pub fn compare_views(
    mesh: JsValue,
    positions: &[f32],
    log_density: &[f32],
    grid: JsValue,
    density: &[f32],
) -> Result<JsValue, JsError> {
    const CONTEXT: &str = "compare_views";
    let mesh = options::<MeshOptions>(CONTEXT, &mesh, &[])?.config();
    let grid = options::<GridOptions>(CONTEXT, &grid, &[])?.config();
    grid.validate().map_err(|e| error(CONTEXT, e))?;
    let frames = GridFrame {
        density,
        cells: grid.cells,
        bounds: [grid.xmin, grid.xmax, grid.ymin, grid.ymax],
    };
    let gaps =
        compare_films(&mesh, positions, log_density, frames).map_err(|e| error(CONTEXT, e))?;
    let l1: Vec<f64> = gaps.iter().map(|g| g.l1).collect();
    let max_relative: Vec<f64> = gaps.iter().map(|g| g.max_relative).collect();
    let difference: Vec<f32> = gaps.into_iter().flat_map(|g| g.difference).collect();
    Ok(ObjectBuilder::default()
        .array("l1", &l1)
        .array("max_relative", &max_relative)
        .set("difference", Float32Array::from(&difference[..]))
        .build())
}
