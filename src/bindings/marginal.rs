//! Thin exports for the marginal-field figure: the exact marginal velocity and density of the
//! 8 Gaussians on the straight path (the lab's default model: linear, sigma_min = 0), and the
//! average of the conditional targets through one point. The math is in `path::marginal` and
//! `path::posterior`.

use super::args::{arg, error};
use super::convert::ObjectBuilder;
use crate::budget::MAX_POINTS;
use crate::path::marginal::mixture_marginal;
use crate::path::posterior::conditional_average;
use crate::path::{Linear, Path};
use crate::sde::GaussianMixture;
use wasm_bindgen::prelude::*;

/// The straight path x_t = t x1 + (1 - t) x0.
fn straight() -> Path {
    Path::Linear(Linear::new(0.0).expect("0 is a valid sigma_min"))
}

/// A time in [0, 1].
fn time(context: &str, t: &JsValue) -> Result<f64, JsError> {
    let t_arg = arg(context, "t", t);
    let t = t_arg.number()?;
    if !(0.0..=1.0).contains(&t) {
        return Err(t_arg.wrong("must be a number in [0, 1]"));
    }
    Ok(t)
}

/// `marginal_field(points, t)`: `{ velocity, logDensity }`, the exact u_t(x) = E[x1 - x0 | x_t = x]
/// (2n values) and log p_t(x) (n values) of the 8 Gaussians on the straight path, t in [0, 1].
#[wasm_bindgen]
pub fn marginal_field(
    #[wasm_bindgen(unchecked_param_type = "Points")] points: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] t: JsValue,
) -> Result<JsValue, JsError> {
    const CONTEXT: &str = "marginal_field";
    let points = arg(CONTEXT, "points", &points).points(MAX_POINTS)?;
    let t = time(CONTEXT, &t)?;
    if points.iter().any(|v| !v.is_finite()) {
        return Err(error(CONTEXT, "points must be finite"));
    }
    let (mut velocity, mut log_density) = (vec![0.0; points.len()], vec![0.0; points.len() / 2]);
    let data = GaussianMixture::eight_gaussians();
    mixture_marginal(
        &straight(),
        &data,
        t,
        &points,
        &mut velocity,
        &mut log_density,
    );
    Ok(ObjectBuilder::default()
        .array("velocity", &velocity)
        .array("logDensity", &log_density)
        .build())
}

/// `conditional_average_at(x1, t, point)`: `{ velocity, weights, targets, effective }`, the straight
/// lines through `point` ([x, y]) that end at the data samples `x1`, their targets x1 - x0, their
/// posterior weights given x_t = point, the weighted average and 1 / Σ w²; t in [0, 1).
#[wasm_bindgen]
pub fn conditional_average_at(
    #[wasm_bindgen(unchecked_param_type = "Points")] x1: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] t: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Numbers")] point: JsValue,
) -> Result<JsValue, JsError> {
    const CONTEXT: &str = "conditional_average_at";
    let x1 = arg(CONTEXT, "x1", &x1).points(MAX_POINTS)?;
    let t = time(CONTEXT, &t)?;
    let point_arg = arg(CONTEXT, "point", &point);
    let point = match point_arg.numbers(2)?.as_slice() {
        &[x, y] => [x, y],
        _ => return Err(point_arg.wrong("must be two numbers [x, y]")),
    };
    let avg = conditional_average(&straight(), &x1, t, point).map_err(|e| error(CONTEXT, e))?;
    Ok(ObjectBuilder::default()
        .array("velocity", &avg.velocity)
        .array("weights", &avg.weights)
        .array("targets", &avg.targets)
        .set("effective", avg.effective)
        .build())
}
