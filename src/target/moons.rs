//! FFJORD's "moons": scikit-learn's `make_moons(noise=0.1)`, then x -> 2 x + (-1, -0.2).
//!
//! Upper moon (cos theta, sin theta), lower moon (1 - cos theta, 1/2 - sin theta), theta in
//! [0, pi], plus N(0, 0.1^2 I) before the affine map (so noise 0.2 after it). scikit-learn spaces
//! theta evenly within a batch and splits the batch in halves; an i.i.d. stream draws theta
//! uniformly and each moon with probability 1/2, the same distribution.

use crate::random::normal_pair;
use rand::Rng;
use std::f64::consts::PI;

/// Standard deviation of scikit-learn's noise (before scaling by 2).
const NOISE: f64 = 0.1;

/// Draws one point.
pub fn draw<R: Rng + ?Sized>(rng: &mut R) -> [f64; 2] {
    let (sin, cos) = (PI * rng.random::<f64>()).sin_cos();
    let [x, y] = if rng.random::<bool>() {
        [cos, sin]
    } else {
        [1.0 - cos, 0.5 - sin]
    };
    let [zx, zy] = normal_pair(rng);
    [2.0 * (x + NOISE * zx) - 1.0, 2.0 * (y + NOISE * zy) - 0.2]
}
