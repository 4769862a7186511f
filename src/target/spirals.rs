//! FFJORD's "2spirals": two interleaved Archimedean spirals.
//!
//! n = 3 pi sqrt(U) (540 degrees), d = (-n cos n + U'/2, n sin n + U''/2) with U, U', U''
//! uniform on [0, 1); half the points are -d; all are divided by 3, then N(0, 0.1^2 I) is added.

use crate::random::normal_pair;
use rand::Rng;
use std::f64::consts::PI;

const NOISE: f64 = 0.1;

/// Draws one point.
pub fn draw<R: Rng + ?Sized>(rng: &mut R) -> [f64; 2] {
    let n = 3.0 * PI * rng.random::<f64>().sqrt();
    let (sin, cos) = n.sin_cos();
    let dx = -n * cos + 0.5 * rng.random::<f64>();
    let dy = n * sin + 0.5 * rng.random::<f64>();
    let sign = if rng.random::<bool>() { 1.0 } else { -1.0 };
    let [zx, zy] = normal_pair(rng);
    [sign * dx / 3.0 + NOISE * zx, sign * dy / 3.0 + NOISE * zy]
}
