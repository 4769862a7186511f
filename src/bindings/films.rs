//! The density views as films: every frame of both views for one network, computed once so that
//! scrubbing t never recomputes. The work splits across workers: face velocities node by node,
//! the mesh band by band; one worker then runs the grid through all frames.

use super::args::{arg, error};
use super::convert::ObjectBuilder;
use super::method::method_only;
use super::model::FlowModel;
use super::options::options;
use super::views::{GridOptions, MeshOptions};
use crate::budget::INTEGRATION;
use crate::eulerian::{film::MAX_FRAMES, EulerianGrid, FaceTable, MAX_NODES};
use crate::lagrangian::{compare_films, film, GridFrame, MAX_MESH_FILM};
use js_sys::Float32Array;
use wasm_bindgen::prelude::*;

/// Most values one table may hold (128 MB of `f32`): 507 nodes of a 128-cell grid, 255 of 256.
const MAX_TABLE_VALUES: usize = 1 << 25;

/// The most time nodes one `face_velocities` call samples: the page asks for one at a time, so
/// that the nodes spread over its workers and no call blocks a worker for long.
const MAX_NODES_PER_CALL: usize = 8;

/// The most CFL steps one film may take, times the cells of the grid.
const MAX_FILM_STEP_CELLS: u64 = 1 << 33;

/// v·n at every face centre of the grid `{ cells, box }` at each of `nodes` (1 to 8 of them): a
/// Float32Array of nodes × 2 N (N + 1) values, node after node (x-faces, then y-faces).
#[wasm_bindgen]
pub fn face_velocities(
    model: &FlowModel,
    #[wasm_bindgen(unchecked_param_type = "GridOptions")] grid: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Numbers")] nodes: JsValue,
) -> Result<Float32Array, JsError> {
    const CONTEXT: &str = "face_velocities";
    let nodes = arg(CONTEXT, "nodes", &nodes).numbers(MAX_NODES_PER_CALL)?;
    let config = options::<GridOptions>(CONTEXT, &grid)?.config();
    config.validate().map_err(|e| error(CONTEXT, e))?;
    let per_node = FaceTable::values_per_node(&config);
    let weights = model.flow().net().n_params();
    if nodes.is_empty() || nodes.len() * per_node > MAX_TABLE_VALUES {
        return Err(error(
            CONTEXT,
            format!(
                "{} nodes of a {}-cell grid: need at least one, and at most {MAX_TABLE_VALUES} \
                 values in all",
                nodes.len(),
                config.cells
            ),
        ));
    }
    INTEGRATION
        .check(per_node / 2, nodes.len() as u64, weights)
        .map_err(|e| error(CONTEXT, e))?;
    let mut values = vec![0.0; nodes.len() * per_node];
    FaceTable::sample_into(&config, &mut model.field(), &nodes, &mut values)
        .map_err(|e| error(CONTEXT, e))?;
    Ok(Float32Array::from(&values[..]))
}

/// The Eulerian film of the grid `{ cells, box, cfl }` at `times`, its face velocities
/// interpolated from `values` at `nodes` (as written by `face_velocities`, possibly by several
/// workers and joined): `{ density: Float32Array (frames × N²), mass, outflow, steps }`.
#[wasm_bindgen]
pub fn eulerian_film(
    #[wasm_bindgen(unchecked_param_type = "GridOptions")] grid: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Numbers")] nodes: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Floats")] values: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Numbers")] times: JsValue,
) -> Result<JsValue, JsError> {
    const CONTEXT: &str = "eulerian_film";
    let nodes = arg(CONTEXT, "nodes", &nodes).numbers(MAX_NODES)?;
    let values = arg(CONTEXT, "values", &values).floats(MAX_TABLE_VALUES)?;
    let times = arg(CONTEXT, "times", &times).numbers(MAX_FRAMES)?;
    let mut config = options::<GridOptions>(CONTEXT, &grid)?.config();
    config.validate().map_err(|e| error(CONTEXT, e))?;
    let cells = (config.cells * config.cells) as u64;
    config.max_steps = config.max_steps.min((MAX_FILM_STEP_CELLS / cells) as usize);
    let mut table = FaceTable::new(&config, nodes, values).map_err(|e| error(CONTEXT, e))?;
    let mut grid = EulerianGrid::new(config).map_err(|e| error(CONTEXT, e))?;
    let film = grid
        .film(&mut table, &times)
        .map_err(|e| error(CONTEXT, e))?;
    Ok(ObjectBuilder::default()
        .set("density", Float32Array::from(&film.density[..]))
        .array("mass", &film.mass)
        .array("outflow", &film.outflow)
        .set("steps", grid.steps() as u32)
        .build())
}

/// Rows `row_start..row_end` of the mesh `{ n, box }` carried through `times` with the fixed-step
/// `solver` (`{ method, steps }`): `{ positions: Float32Array (frames × 2 vertices), logDensity:
/// Float32Array (frames × vertices) }`.
#[wasm_bindgen]
pub fn lagrangian_film(
    model: &FlowModel,
    #[wasm_bindgen(unchecked_param_type = "MeshOptions")] mesh: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] row_start: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] row_end: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Numbers")] times: JsValue,
    #[wasm_bindgen(unchecked_param_type = "MethodOptions")] solver: JsValue,
) -> Result<JsValue, JsError> {
    const CONTEXT: &str = "lagrangian_film";
    let config = options::<MeshOptions>(CONTEXT, &mesh)?.config();
    config.validate().map_err(|e| error(CONTEXT, e))?;
    let start = arg(CONTEXT, "row_start", &row_start).count(0, config.side - 1)?;
    let end = arg(CONTEXT, "row_end", &row_end).count(start + 1, config.side)?;
    let times = arg(CONTEXT, "times", &times).numbers(MAX_FRAMES)?;
    let method = method_only(CONTEXT, &solver)?;
    let method = model.bounded(CONTEXT, method, (end - start) * config.side)?;
    let f = film(&mut model.field(), &config, start..end, &times, method)
        .map_err(|e| error(CONTEXT, e))?;
    Ok(ObjectBuilder::default()
        .set("positions", Float32Array::from(&f.positions[..]))
        .set("logDensity", Float32Array::from(&f.log_density[..]))
        .build())
}

/// Both films compared frame by frame at the mesh's vertices (where the Lagrangian density is
/// exact): `{ l1, maxRelative: Float64Array (one per frame), difference: Float32Array (q - p per
/// vertex and frame) }` for the whole mesh `{ n, box }` and the grid `{ cells, box }`.
#[wasm_bindgen]
pub fn compare_views(
    #[wasm_bindgen(unchecked_param_type = "MeshOptions")] mesh: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Floats")] positions: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Floats")] log_density: JsValue,
    #[wasm_bindgen(unchecked_param_type = "GridOptions")] grid: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Floats")] density: JsValue,
) -> Result<JsValue, JsError> {
    const CONTEXT: &str = "compare_views";
    let positions = arg(CONTEXT, "positions", &positions).floats(2 * MAX_MESH_FILM)?;
    let log_density = arg(CONTEXT, "log_density", &log_density).floats(MAX_MESH_FILM)?;
    let density = arg(CONTEXT, "density", &density).floats(crate::eulerian::film::MAX_FILM)?;
    let mesh = options::<MeshOptions>(CONTEXT, &mesh)?.config();
    let grid = options::<GridOptions>(CONTEXT, &grid)?.config();
    grid.validate().map_err(|e| error(CONTEXT, e))?;
    let frames = GridFrame {
        density: &density,
        cells: grid.cells,
        bounds: [grid.xmin, grid.xmax, grid.ymin, grid.ymax],
    };
    let gaps =
        compare_films(&mesh, &positions, &log_density, frames).map_err(|e| error(CONTEXT, e))?;
    let l1: Vec<f64> = gaps.iter().map(|g| g.l1).collect();
    let max_relative: Vec<f64> = gaps.iter().map(|g| g.max_relative).collect();
    let difference: Vec<f32> = gaps.into_iter().flat_map(|g| g.difference).collect();
    Ok(ObjectBuilder::default()
        .array("l1", &l1)
        .array("maxRelative", &max_relative)
        .set("difference", Float32Array::from(&difference[..]))
        .build())
}
