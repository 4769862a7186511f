//! FFJORD's "pinwheel": five arms made by bending radially stretched Gaussians.
//!
//! For arm k in 0..5 (uniform), f = (1 + 0.3 z1, 0.1 z2) with z ~ N(0, I), angle
//! phi = 2 pi k / 5 + 0.25 exp(f1), and the point is 2 f R(phi) with f a row vector and
//! R = [[cos, -sin], [sin, cos]], i.e. 2 (f1 cos + f2 sin, -f1 sin + f2 cos).

use crate::random::normal_pair;
use rand::Rng;
use std::f64::consts::TAU;

const ARMS: usize = 5;
const RADIAL_STD: f64 = 0.3;
const TANGENTIAL_STD: f64 = 0.1;
const RATE: f64 = 0.25;

/// Draws one point.
pub fn draw<R: Rng + ?Sized>(rng: &mut R) -> [f64; 2] {
    let [z1, z2] = normal_pair(rng);
    let (f1, f2) = (1.0 + RADIAL_STD * z1, TANGENTIAL_STD * z2);
    let arm = rng.random_range(0..ARMS) as f64;
    let (sin, cos) = (TAU * arm / ARMS as f64 + RATE * f1.exp()).sin_cos();
    [2.0 * (f1 * cos + f2 * sin), 2.0 * (-f1 * sin + f2 * cos)]
}
