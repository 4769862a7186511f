//! FFJORD's "swissroll": scikit-learn's `make_swiss_roll(noise=1.0)`, coordinates (x, z), over 5.
//!
//! t = 1.5 pi (1 + 2U) with U uniform on [0, 1), point (t cos t, t sin t) + N(0, I), then / 5
//! (so the noise is 0.2 after scaling).

use crate::random::normal_pair;
use rand::Rng;
use std::f64::consts::PI;

const SCALE: f64 = 5.0;

/// Draws one point.
pub fn draw<R: Rng + ?Sized>(rng: &mut R) -> [f64; 2] {
    let t = 1.5 * PI * (1.0 + 2.0 * rng.random::<f64>());
    let (sin, cos) = t.sin_cos();
    let [zx, zy] = normal_pair(rng);
    [(t * cos + zx) / SCALE, (t * sin + zy) / SCALE]
}
