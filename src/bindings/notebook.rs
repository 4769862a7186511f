//! Thin exports for three of the notebook's figures: residual flows converging to the ODE, the
//! diffusion's SDE next to its probability-flow ODE, and flow matching's ODE read again as SDEs.
//! The requests are checked and computed in `residual::request`, `sde::comparison` and
//! `sde::reread`.

use super::args::{arg, error};
use super::convert::ObjectBuilder;
use super::model::FlowModel;
use crate::integrate::{DopriConfig, Method};
use crate::residual::request::{residual_request, MAX_LEVELS, MAX_POINTS};
use crate::residual::{convergence, Convergence};
use crate::sde::comparison::{sde_paths, FRAMES, MAX_FRAMES};
use crate::sde::reread::{ode_and_sdes, MAX_EPSILONS};
use js_sys::Array;
use wasm_bindgen::prelude::*;

/// `residual_convergence(model, x0, ks)`: `{ exact: { positions, logDensity }, levels: [{ k,
/// positions, logDensity, positionRmsError, logDensityMeanError, folded }] }`, the exact flow
/// by DOPRI5; `folded` counts the points at which a step folds the plane (their log-density is NaN).
#[wasm_bindgen]
pub fn residual_convergence(
    model: &FlowModel,
    #[wasm_bindgen(unchecked_param_type = "Points")] x0: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Counts")] ks: JsValue,
) -> Result<JsValue, JsError> {
    const CONTEXT: &str = "residual_convergence";
    let x0 = arg(CONTEXT, "x0", &x0).numbers(2 * MAX_POINTS)?;
    let ks = arg(CONTEXT, "ks", &ks).counts(MAX_LEVELS)?;
    let ks = residual_request(&x0, &ks).map_err(|e| error(CONTEXT, e))?;
    let method = model.bounded(
        CONTEXT,
        Method::Dopri5(DopriConfig::default()),
        x0.len() / 2,
    )?;
    let Convergence { levels, exact } =
        convergence(&mut model.field(), &x0, &ks, method).map_err(|e| error(CONTEXT, e))?;
    let rows = Array::new();
    for l in &levels {
        rows.push(
            &ObjectBuilder::default()
                .set("k", l.steps as f64)
                .array("positions", &l.positions)
                .array("logDensity", &l.log_density)
                .set("positionRmsError", l.position_rms_error)
                .set("logDensityMeanError", l.log_density_mean_error)
                .set("folded", l.folded as f64)
                .build(),
        );
    }
    let exact = ObjectBuilder::default()
        .array("positions", &exact.positions)
        .array("logDensity", &exact.log_density)
        .build();
    Ok(ObjectBuilder::default()
        .set("exact", exact)
        .set("levels", rows)
        .build())
}

/// `sde_vs_ode(n, seed, steps, frames = 21)`: `{ ode, sde, times }`, `frames` rows by time of 2n
/// values, on 8 Gaussians.
#[wasm_bindgen]
pub fn sde_vs_ode(
    #[wasm_bindgen(unchecked_param_type = "number")] n: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] seed: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] steps: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] frames: JsValue,
) -> Result<JsValue, JsError> {
    const CONTEXT: &str = "sde_vs_ode";
    let n = arg(CONTEXT, "n", &n).integer(0, u32::MAX.into())? as u32;
    let seed = arg(CONTEXT, "seed", &seed).integer(0, u32::MAX.into())? as u32;
    let steps = arg(CONTEXT, "steps", &steps).integer(0, u32::MAX.into())? as u32;
    let frames = arg(CONTEXT, "frames", &frames);
    let frames = if frames.missing() {
        FRAMES
    } else {
        frames.count(0, MAX_FRAMES)?
    };
    let p = sde_paths(n, seed, steps, frames).map_err(|e| error(CONTEXT, e))?;
    Ok(ObjectBuilder::default()
        .array("ode", &p.ode)
        .array("sde", &p.sde)
        .array("times", &p.times)
        .build())
}

/// `ode_as_sde(n, seed, steps, frames, epsilons)`: `{ times, ode, sdes: [one per ε], exact }` on the
/// linear path to 8 Gaussians; `ode` and each SDE hold `frames` rows of 2n values, `exact` the
/// mean x, mean y, var x, cov xy, var y of p_t at each time.
#[wasm_bindgen]
pub fn ode_as_sde(
    #[wasm_bindgen(unchecked_param_type = "number")] n: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] seed: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] steps: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] frames: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Numbers")] epsilons: JsValue,
) -> Result<JsValue, JsError> {
    const CONTEXT: &str = "ode_as_sde";
    let n = arg(CONTEXT, "n", &n).integer(0, u32::MAX.into())? as u32;
    let seed = arg(CONTEXT, "seed", &seed).integer(0, u32::MAX.into())? as u32;
    let steps = arg(CONTEXT, "steps", &steps).integer(0, u32::MAX.into())? as u32;
    let frames = arg(CONTEXT, "frames", &frames).count(0, MAX_FRAMES)?;
    let epsilons = arg(CONTEXT, "epsilons", &epsilons).numbers(MAX_EPSILONS)?;
    let r = ode_and_sdes(n, seed, steps, frames, &epsilons).map_err(|e| error(CONTEXT, e))?;
    let sdes = Array::new();
    for rows in &r.sdes {
        sdes.push(&js_sys::Float64Array::from(rows.as_slice()));
    }
    Ok(ObjectBuilder::default()
        .array("times", &r.times)
        .array("ode", &r.ode)
        .set("sdes", sdes)
        .array("exact", &r.exact)
        .build())
}
