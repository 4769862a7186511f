//! Samples from the base distribution N(0, I), for the first figure.

use super::args::arg;
use crate::flow::MAX_POINTS;
use crate::random::fill_standard_normal;
use rand::{rngs::StdRng, SeedableRng};
use wasm_bindgen::prelude::*;

/// `n` samples from N(0, I) in the plane, interleaved `[x0, y0, x1, y1, ...]`, from a generator
/// seeded with `seed`.
#[wasm_bindgen(js_name = standardNormalSamples)]
pub fn standard_normal_samples(
    #[wasm_bindgen(unchecked_param_type = "number")] n: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] seed: JsValue,
) -> Result<Vec<f64>, JsError> {
    normal_samples("standardNormalSamples", &n, &seed)
}

/// [`standard_normal_samples`] for the call `context`.
pub fn normal_samples(context: &str, n: &JsValue, seed: &JsValue) -> Result<Vec<f64>, JsError> {
    let n = arg(context, "n", n).count(1, MAX_POINTS)?;
    let seed = arg(context, "seed", seed).seed()?;
    let mut out = vec![0.0; 2 * n];
    fill_standard_normal(&mut StdRng::seed_from_u64(seed), &mut out);
    Ok(out)
}
