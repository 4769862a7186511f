//! FFJORD's "checkerboard": the uniform density on 8 of the 16 unit squares of [-2, 2)^2,
//! scaled by 2, so squares of side 2 in [-4, 4)^2, total area 32, density 1/32, entropy ln 32.
//!
//! FFJORD draws u ~ U[-2, 2), then w from [0, 1) or [-2, -1) with probability 1/2 each, shifted
//! up by floor(u) mod 2, and returns 2 (u, w). A cell (floor u, floor w) is filled exactly when
//! floor u and floor w have the same parity.

use rand::Rng;

/// Area of the support after scaling.
const AREA: f64 = 32.0;

/// Draws one point with FFJORD's recipe.
pub fn draw<R: Rng + ?Sized>(rng: &mut R) -> [f64; 2] {
    let u = rng.random::<f64>() * 4.0 - 2.0;
    let lower = if rng.random::<bool>() { 2.0 } else { 0.0 };
    let w = rng.random::<f64>() - lower + u.floor().rem_euclid(2.0);
    [2.0 * u, 2.0 * w]
}

/// log p(x): -ln 32 on the filled squares, -inf elsewhere.
pub fn log_density(x: [f64; 2]) -> f64 {
    let (u, w) = (x[0] / 2.0, x[1] / 2.0);
    let inside = (-2.0..2.0).contains(&u) && (-2.0..2.0).contains(&w);
    if inside && u.floor().rem_euclid(2.0) == w.floor().rem_euclid(2.0) {
        -AREA.ln()
    } else {
        f64::NEG_INFINITY
    }
}

/// Differential entropy ln 32 nats of the uniform density on area 32.
pub fn entropy() -> f64 {
    AREA.ln()
}
