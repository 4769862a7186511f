//! One minibatch of flow matching, drawn into buffers allocated once.

use crate::pairing::{Coupler, ReflowPairs};
use crate::path::Path;
use crate::random::fill_standard_normal;
use crate::target::Target;
use rand::Rng;

/// The B points of one training step, interleaved (2B values) except the times (B values).
#[derive(Clone, Debug)]
pub struct Batch {
    /// Noise x0 ~ N(0, I).
    pub x0: Vec<f64>,
    /// Data as drawn from the target, before pairing.
    pub drawn: Vec<f64>,
    /// Data paired with x0 by the coupling: (x0_b, x1_b) are the pairs.
    pub x1: Vec<f64>,
    /// Times t_b ~ U[0, t_max).
    pub t: Vec<f64>,
    /// Points on the conditional paths, x_t = a(t) x1 + s(t) x0.
    pub xt: Vec<f64>,
    /// Conditional velocities u_t = a'(t) x1 + s'(t) x0.
    pub ut: Vec<f64>,
}

impl Batch {
    /// Zeroed buffers for `size` points.
    pub fn new(size: usize) -> Self {
        let points = vec![0.0; 2 * size];
        Self {
            x0: points.clone(),
            drawn: points.clone(),
            x1: points.clone(),
            t: vec![0.0; size],
            xt: points.clone(),
            ut: points,
        }
    }

    /// Number of points B.
    pub fn len(&self) -> usize {
        self.t.len()
    }

    /// Whether the batch holds no points.
    pub fn is_empty(&self) -> bool {
        self.t.is_empty()
    }

    /// Draws a fresh batch, in this order from `rng`: data, noise, times; then pairs and forms
    /// x_t and u_t. Returns the coupling's transport cost Σ_b |x0_b - x1_b|².
    pub fn draw<R: Rng + ?Sized>(
        &mut self,
        target: &Target,
        path: &Path,
        coupler: &mut Coupler,
        rng: &mut R,
    ) -> f64 {
        target.sample(rng, &mut self.drawn);
        fill_standard_normal(rng, &mut self.x0);
        let t_max = path.t_max();
        for t in &mut self.t {
            *t = t_max * rng.random::<f64>();
        }
        let cost = coupler.pair(&self.x0, &self.drawn, &mut self.x1);
        path.sample_conditional(&self.x0, &self.x1, &self.t, &mut self.xt, &mut self.ut);
        cost
    }

    /// Draws a batch from a reflow pool instead: pairs (x0, x̂1) from `pairs` (x̂1 also written to
    /// `drawn`), then times, then x_t and u_t.
    pub fn draw_reflow<R: Rng + ?Sized>(&mut self, pairs: &ReflowPairs, path: &Path, rng: &mut R) {
        pairs.draw(rng, &mut self.x0, &mut self.x1);
        self.drawn.copy_from_slice(&self.x1);
        let t_max = path.t_max();
        for t in &mut self.t {
            *t = t_max * rng.random::<f64>();
        }
        path.sample_conditional(&self.x0, &self.x1, &self.t, &mut self.xt, &mut self.ut);
    }
}
