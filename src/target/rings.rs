//! Noisy concentric circles: FFJORD's "circles" and "rings".
//!
//! "circles" is scikit-learn's `make_circles(factor=0.5, noise=0.08)` times 3: radii 3 and 1.5,
//! noise 0.08 * 3 = 0.24. "rings" has radii 3, 2.25, 1.5, 0.75 and noise 0.08 added after scaling.
//! Both put equal shares of a batch on each circle at evenly spaced angles; an i.i.d. stream draws
//! the circle uniformly and the angle uniformly on [0, 2 pi), the same distribution.

use crate::random::normal_pair;
use rand::Rng;
use std::f64::consts::TAU;

/// Radii and noise of FFJORD's "circles".
pub const CIRCLES: Rings<2> = Rings {
    radii: [3.0, 1.5],
    noise: 0.24,
};
/// Radii and noise of FFJORD's "rings".
pub const RINGS: Rings<4> = Rings {
    radii: [3.0, 2.25, 1.5, 0.75],
    noise: 0.08,
};

/// Equally weighted circles centred at the origin, blurred by isotropic Gaussian noise.
pub struct Rings<const K: usize> {
    pub radii: [f64; K],
    pub noise: f64,
}

impl<const K: usize> Rings<K> {
    /// Draws one point.
    pub fn draw<R: Rng + ?Sized>(&self, rng: &mut R) -> [f64; 2] {
        let r = self.radii[rng.random_range(0..K)];
        let (sin, cos) = (TAU * rng.random::<f64>()).sin_cos();
        let [zx, zy] = normal_pair(rng);
        [r * cos + self.noise * zx, r * sin + self.noise * zy]
    }
}
