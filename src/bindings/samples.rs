//! Samples from the base distribution N(0, I), for the first figure.

use crate::random::fill_standard_normal;
use rand::{rngs::StdRng, SeedableRng};
use wasm_bindgen::prelude::*;

/// The largest number of samples one call may ask for.
const MAX_SAMPLES: u32 = 1_000_000;

/// `n` samples from N(0, I) in the plane, interleaved `[x0, y0, x1, y1, ...]`, from a generator
/// seeded with `seed`.
#[wasm_bindgen(js_name = standardNormalSamples)]
pub fn standard_normal_samples(n: u32, seed: u32) -> Result<Vec<f64>, JsError> {
    if n == 0 || n > MAX_SAMPLES {
        return Err(JsError::new(&format!(
            "standardNormalSamples: n must be between 1 and {MAX_SAMPLES}, got {n}"
        )));
    }
    let mut out = vec![0.0; 2 * n as usize];
    fill_standard_normal(&mut StdRng::seed_from_u64(u64::from(seed)), &mut out);
    Ok(out)
}
