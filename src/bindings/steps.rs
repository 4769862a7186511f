//! Thin exports for the steps-against-quality figure: a trained model sampled by one scheme at
//! several budgets of evaluations (`Flow::steps_study`), and the same schemes on v = A x against
//! its closed-form flow (`integrate::linear_errors`).

use super::args::{arg, error};
use super::convert::ObjectBuilder;
use super::model::FlowModel;
use crate::flow::{MAX_BUDGETS, MAX_NFE};
use crate::integrate::{linear_errors, Method, Scheme};
use js_sys::Array;
use serde::Deserialize;
use wasm_bindgen::prelude::*;

/// `{ scheme, nfes, n, tracked, seed }` of `steps_study`.
#[derive(Deserialize)]
#[serde(default, deny_unknown_fields)]
struct StepsOptions {
    scheme: String,
    nfes: Vec<usize>,
    n: usize,
    tracked: usize,
    seed: u64,
}

impl Default for StepsOptions {
    fn default() -> Self {
        Self {
            scheme: "euler".into(),
            nfes: vec![1, 2, 4, 8, 16, 32, 64],
            n: 1000,
            tracked: 0,
            seed: 0,
        }
    }
}

fn scheme(context: &str, name: &str) -> Result<Scheme, JsError> {
    Scheme::ALL
        .into_iter()
        .find(|s| s.name() == name)
        .ok_or_else(|| {
            error(
                context,
                format!("unknown scheme '{name}' (expected euler, midpoint, rk4 or dopri5)"),
            )
        })
}

/// `steps_study(model, options)`: `{ rows: [{ nfe, spent, samples, energyDistance, nll }], data,
/// paths, lengthOverChord }` (NaN scores where a budget pays for no step).
#[wasm_bindgen]
pub fn steps_study(
    model: &FlowModel,
    #[wasm_bindgen(unchecked_param_type = "StepsOptions")] options: JsValue,
) -> Result<JsValue, JsError> {
    const CONTEXT: &str = "steps_study";
    let o: StepsOptions = super::options::options(CONTEXT, &options)?;
    let scheme = scheme(CONTEXT, &o.scheme)?;
    if o.nfes.is_empty() || o.nfes.len() > MAX_BUDGETS || o.nfes.iter().any(|&b| b > MAX_NFE) {
        return Err(error(
            CONTEXT,
            format!("nfes: give 1..={MAX_BUDGETS} budgets of at most {MAX_NFE}"),
        ));
    }
    // Every budget once for samples and once with the Jacobian for the NLL, and the paths.
    let passes = 4 * o.nfes.iter().sum::<usize>() + 256;
    model.bounded(CONTEXT, Method::Euler { steps: passes }, o.n)?;
    let s = model
        .flow()
        .steps_study(scheme, &o.nfes, (o.n, o.tracked, o.seed))
        .map_err(|e| error(CONTEXT, e))?;
    let rows = Array::new();
    for r in &s.rows {
        rows.push(
            &ObjectBuilder::default()
                .set("nfe", r.nfe as f64)
                .set("spent", r.spent as f64)
                .array("samples", &r.samples)
                .set("energyDistance", r.energy_distance)
                .set("nll", r.nll)
                .build(),
        );
    }
    Ok(ObjectBuilder::default()
        .set("rows", rows)
        .array("data", &s.data)
        .array("paths", &s.paths)
        .set("lengthOverChord", s.length_over_chord)
        .build())
}

/// `linear_errors(a, x0, t, nfes)`: `{ euler, midpoint, rk4, dopri5 }`, each the errors
/// |x_t - e^{tA} x_0| at the budgets `nfes` on v = A x (row-major `a`).
#[wasm_bindgen(js_name = linear_errors)]
pub fn linear_errors_export(
    #[wasm_bindgen(unchecked_param_type = "Numbers")] a: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Numbers")] x0: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] t: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Counts")] nfes: JsValue,
) -> Result<JsValue, JsError> {
    const CONTEXT: &str = "linear_errors";
    let finite = |name: &str, v: &JsValue, n: usize| -> Result<Vec<f64>, JsError> {
        let xs = arg(CONTEXT, name, v).numbers(n)?;
        if xs.len() != n || xs.iter().any(|x| !x.is_finite()) {
            return Err(error(CONTEXT, format!("{name} must be {n} finite numbers")));
        }
        Ok(xs)
    };
    let a = finite("a", &a, 4)?;
    let x0 = finite("x0", &x0, 2)?;
    let t = arg(CONTEXT, "t", &t).number()?;
    if !t.is_finite() || t.abs() > 100.0 {
        return Err(error(CONTEXT, "t must be a finite number in -100..=100"));
    }
    let nfes: Vec<usize> = arg(CONTEXT, "nfes", &nfes)
        .counts(MAX_BUDGETS)?
        .into_iter()
        .map(|b| b as usize)
        .collect();
    if nfes.iter().any(|&b| b > MAX_NFE) {
        return Err(error(CONTEXT, format!("nfes must be at most {MAX_NFE}")));
    }
    let mut out = ObjectBuilder::default();
    for s in Scheme::ALL {
        out = out.array(
            s.name(),
            &linear_errors([a[0], a[1], a[2], a[3]], [x0[0], x0[1]], t, s, &nfes),
        );
    }
    Ok(out.build())
}
