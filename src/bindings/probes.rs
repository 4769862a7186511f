//! Thin exports for the Hutchinson figure: k-probe estimates of log p_t against the exact trace,
//! for a trained model or the linear field v = A x. Computed in `density::probe_study`.

use super::args::{arg, error};
use super::convert::ObjectBuilder;
use super::method::{bounded, with_method};
use super::model::FlowModel;
use crate::density::{one_probe_variance, probe_study, ProbeStudy, MAX_PROBE_DRAWS};
use crate::field::analytic::Affine;
use crate::field::VelocityField;
use crate::integrate::augmented::Probe;
use serde::Deserialize;
use wasm_bindgen::prelude::*;

/// `{ t, probe, probes, repeats, seed }` with the integration method's options.
#[derive(Deserialize)]
#[serde(default, deny_unknown_fields)]
struct StudyOptions {
    t: f64,
    probe: String,
    probes: usize,
    repeats: usize,
    seed: u64,
}

impl Default for StudyOptions {
    fn default() -> Self {
        Self {
            t: 1.0,
            probe: "rademacher".into(),
            probes: 1,
            repeats: 1,
            seed: 0,
        }
    }
}

/// `hutchinson_study(model, points, options)`: see [`study`].
#[wasm_bindgen]
pub fn hutchinson_study(
    model: &FlowModel,
    #[wasm_bindgen(unchecked_param_type = "Points")] points: JsValue,
    #[wasm_bindgen(unchecked_param_type = "StudyOptions")] options: JsValue,
) -> Result<JsValue, JsError> {
    let weights = model.flow().net().n_params();
    study(
        "hutchinson_study",
        &mut model.field(),
        weights,
        &points,
        &options,
    )
}

/// `hutchinson_study_linear(a, points, options)`: [`study`] on v = A x, `a` row-major (4 numbers).
#[wasm_bindgen]
pub fn hutchinson_study_linear(
    #[wasm_bindgen(unchecked_param_type = "Numbers")] a: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Points")] points: JsValue,
    #[wasm_bindgen(unchecked_param_type = "StudyOptions")] options: JsValue,
) -> Result<JsValue, JsError> {
    const CONTEXT: &str = "hutchinson_study_linear";
    let a = arg(CONTEXT, "a", &a).numbers(4)?;
    let a: [f64; 4] = a
        .try_into()
        .ok()
        .filter(|a: &[f64; 4]| a.iter().all(|x| x.is_finite()))
        .ok_or_else(|| error(CONTEXT, "a must be 4 finite numbers (row-major 2x2)"))?;
    study(CONTEXT, &mut Affine::linear(a), 4, &points, &options)
}

/// `{ exact, traceIntegral, estimates, oneProbeVariance, evaluations }`: per point the exact
/// log p_t, B = -∫_0^t dv/dx ds (4 values), `repeats` estimates of `probes` probes each, and
/// the closed-form variance of one probe's estimate.
fn study<F: VelocityField + ?Sized>(
    context: &str,
    field: &mut F,
    weights: usize,
    points: &JsValue,
    options: &JsValue,
) -> Result<JsValue, JsError> {
    let points = arg(context, "points", points).points(MAX_PROBE_DRAWS)?;
    let (o, method): (StudyOptions, _) = with_method(context, options)?;
    let method = bounded(method, points.len() / 2, weights).map_err(|e| error(context, e))?;
    let probe = match o.probe.as_str() {
        "rademacher" => Probe::Rademacher,
        "gaussian" => Probe::Gaussian,
        p => {
            return Err(error(
                context,
                format!("unknown probe '{p}' (expected rademacher or gaussian)"),
            ))
        }
    };
    let draws = (o.probes, o.repeats, o.seed);
    let s: ProbeStudy =
        probe_study(field, o.t, &points, method, probe, draws).map_err(|e| error(context, e))?;
    let variance: Vec<f64> = s
        .trace_integral
        .chunks_exact(4)
        .map(|b| one_probe_variance(b, probe))
        .collect();
    Ok(ObjectBuilder::default()
        .array("exact", &s.exact)
        .array("traceIntegral", &s.trace_integral)
        .array("estimates", &s.estimates)
        .array("oneProbeVariance", &variance)
        .set("evaluations", s.evaluations as f64)
        .build())
}
