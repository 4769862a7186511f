//! Samples from the base distribution N(0, I), for the first figure.

use rand::{rngs::StdRng, Rng, SeedableRng};
use wasm_bindgen::prelude::*;

/// The largest number of samples one call may ask for.
const MAX_SAMPLES: u32 = 1_000_000;

/// `n` samples from N(0, I) in the plane, interleaved `[x0, y0, x1, y1, ...]`, drawn with the
/// Box-Muller transform from a generator seeded with `seed`.
#[wasm_bindgen(js_name = standardNormalSamples)]
pub fn standard_normal_samples(n: u32, seed: u32) -> Result<Vec<f32>, JsError> {
    if n == 0 || n > MAX_SAMPLES {
        return Err(JsError::new(&format!(
            "standardNormalSamples: n must be between 1 and {MAX_SAMPLES}, got {n}"
        )));
    }
    let mut rng = StdRng::seed_from_u64(u64::from(seed));
    let mut out = Vec::with_capacity(2 * n as usize);
    for _ in 0..n {
        let u: f64 = 1.0 - rng.random::<f64>();
        let r = (-2.0 * u.ln()).sqrt();
        let theta = std::f64::consts::TAU * rng.random::<f64>();
        out.push((r * theta.cos()) as f32);
        out.push((r * theta.sin()) as f32);
    }
    Ok(out)
}
