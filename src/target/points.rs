//! A user-supplied point set, sampled by the bootstrap.
//!
//! Each sample is a uniformly chosen stored point, plus N(0, jitter^2 I) when `jitter > 0`.
//! The sampled density is thus the empirical measure (jitter = 0) or the Gaussian kernel density
//! estimate with bandwidth `jitter`. A small jitter (e.g. 0.05) keeps a flow from having to
//! collapse mass onto single points.

use crate::random::normal_pair;
use rand::Rng;

/// Largest accepted number of points.
pub const MAX_POINTS: usize = 100_000;
/// Largest accepted absolute coordinate and jitter.
pub const MAX_ABS: f64 = 1e6;

/// A validated, non-empty set of finite points with a bootstrap jitter.
#[derive(Clone, Debug, PartialEq)]
pub struct Points {
    xs: Vec<f64>,
    jitter: f64,
}

impl Points {
    /// Validates interleaved points `[x0, y0, x1, y1, ...]` and a jitter standard deviation.
    pub fn new(xs: &[f64], jitter: f64) -> Result<Self, String> {
        if xs.is_empty() || !xs.len().is_multiple_of(2) {
            return Err(format!(
                "points: need a non-empty even number of coordinates, got {}",
                xs.len()
            ));
        }
        if xs.len() / 2 > MAX_POINTS {
            return Err(format!(
                "points: at most {MAX_POINTS} points, got {}",
                xs.len() / 2
            ));
        }
        if let Some(bad) = xs.iter().find(|x| !(-MAX_ABS..=MAX_ABS).contains(*x)) {
            return Err(format!(
                "points: coordinates must be finite with |x| <= {MAX_ABS}, got {bad}"
            ));
        }
        if !(0.0..=MAX_ABS).contains(&jitter) {
            return Err(format!(
                "points: jitter must be in [0, {MAX_ABS}], got {jitter}"
            ));
        }
        Ok(Self {
            xs: xs.to_vec(),
            jitter,
        })
    }

    /// The stored points, interleaved.
    pub fn points(&self) -> &[f64] {
        &self.xs
    }

    /// The jitter standard deviation.
    pub fn jitter(&self) -> f64 {
        self.jitter
    }

    /// Draws one bootstrap sample.
    pub fn draw<R: Rng + ?Sized>(&self, rng: &mut R) -> [f64; 2] {
        let i = rng.random_range(0..self.xs.len() / 2);
        let [zx, zy] = if self.jitter > 0.0 {
            normal_pair(rng)
        } else {
            [0.0, 0.0]
        };
        [
            self.xs[2 * i] + self.jitter * zx,
            self.xs[2 * i + 1] + self.jitter * zy,
        ]
    }

    /// `[x_min, x_max, y_min, y_max]`: the bounding box of the points, widened on every side by
    /// 10% of its larger side plus 3 jitter (at least 0.5, so a single point gets a box).
    pub fn bounds(&self) -> [f64; 4] {
        let mut b = [
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        for p in self.xs.chunks_exact(2) {
            b = [
                b[0].min(p[0]),
                b[1].max(p[0]),
                b[2].min(p[1]),
                b[3].max(p[1]),
            ];
        }
        let span = (b[1] - b[0]).max(b[3] - b[2]);
        let margin = (0.1 * span + 3.0 * self.jitter).max(0.5);
        [b[0] - margin, b[1] + margin, b[2] - margin, b[3] + margin]
    }
}
