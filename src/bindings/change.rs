//! Exports of the change-of-variables figure (notebook section 1): the Gaussian-to-Gamma panel and
//! the maps of the plane. The panels are computed in `change_of_variables::{gamma_panel,
//! plane_panel}`.

use crate::bindings::args::{arg, error};
use crate::bindings::convert::ObjectBuilder;
use crate::bindings::options::options;
use crate::change_of_variables::gamma_panel::{line_panel, LineOptions};
use crate::change_of_variables::plane_panel::{
    plane_panel, plane_points, PlaneOptions, GRID, MAX_SAMPLES, VIEW,
};
use wasm_bindgen::prelude::*;

/// `change_of_variables_1d(shape, scale, options)`: `{ x, source, y, pushed, gamma, maxAbsDiff,
/// mass, ticksX, ticksY, samples, mean, variance }` for N(0, 1) pushed to Gamma(shape, scale).
#[wasm_bindgen]
pub fn change_of_variables_1d(
    #[wasm_bindgen(unchecked_param_type = "number")] shape: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] scale: JsValue,
    #[wasm_bindgen(unchecked_param_type = "LineOptions")] opts: JsValue,
) -> Result<JsValue, JsError> {
    const CONTEXT: &str = "change_of_variables_1d";
    let shape = arg(CONTEXT, "shape", &shape).number()?;
    let scale = arg(CONTEXT, "scale", &scale).number()?;
    let o: LineOptions = options(CONTEXT, &opts)?;
    let p = line_panel(shape, scale, &o).map_err(|e| error(CONTEXT, e))?;
    Ok(ObjectBuilder::default()
        .array("x", &p.x)
        .array("source", &p.source)
        .array("y", &p.y)
        .array("pushed", &p.pushed)
        .array("gamma", &p.gamma)
        .set("maxAbsDiff", p.max_abs_diff)
        .set("mass", p.mass)
        .array("ticksX", &p.ticks_x)
        .array("ticksY", &p.ticks_y)
        .array("samples", &p.samples)
        .set("mean", p.mean)
        .set("variance", p.variance)
        .build())
}

/// `change_of_variables_2d(map, strength, options)`: `{ view, grid, cells, density, mass, lines,
/// lineSamples, samples, inside }` for N(0, I) pushed by `map` ('swirl' | 'radial' | 'sinh' |
/// 'affine') at `strength` in [0, 1]; `density` covers [-view, view]², the lines image [-grid, grid]².
#[wasm_bindgen]
pub fn change_of_variables_2d(
    #[wasm_bindgen(unchecked_param_type = "PlaneMap")] map: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] strength: JsValue,
    #[wasm_bindgen(unchecked_param_type = "PlaneOptions")] opts: JsValue,
) -> Result<JsValue, JsError> {
    const CONTEXT: &str = "change_of_variables_2d";
    let map = arg(CONTEXT, "map", &map).string()?;
    let strength = arg(CONTEXT, "strength", &strength).number()?;
    let o: PlaneOptions = options(CONTEXT, &opts)?;
    let p = plane_panel(&map, strength, &o).map_err(|e| error(CONTEXT, e))?;
    Ok(ObjectBuilder::default()
        .set("view", VIEW)
        .set("grid", GRID)
        .set("cells", o.cells as f64)
        .array("density", &p.density)
        .set("mass", p.mass)
        .array("lines", &p.lines)
        .set("lineSamples", p.line_samples as f64)
        .array("samples", &p.samples)
        .set("inside", p.inside)
        .build())
}

/// `change_of_variables_at(map, strength, ys)`: `{ x, logDet, logDensity }` at each point y:
/// x = φ^{-1}(y), ln|det dφ/dx(x)| and log p_1(y).
#[wasm_bindgen]
pub fn change_of_variables_at(
    #[wasm_bindgen(unchecked_param_type = "PlaneMap")] map: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] strength: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Points")] ys: JsValue,
) -> Result<JsValue, JsError> {
    const CONTEXT: &str = "change_of_variables_at";
    let map = arg(CONTEXT, "map", &map).string()?;
    let strength = arg(CONTEXT, "strength", &strength).number()?;
    let ys = arg(CONTEXT, "ys", &ys).points(MAX_SAMPLES)?;
    let v = plane_points(&map, strength, &ys).map_err(|e| error(CONTEXT, e))?;
    Ok(ObjectBuilder::default()
        .array("x", &v.x)
        .array("logDet", &v.log_det)
        .array("logDensity", &v.log_density)
        .build())
}
