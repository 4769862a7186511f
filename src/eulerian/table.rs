//! Face velocities sampled once per network at time nodes and interpolated in time.
//!
//! The normal velocities v·n at the face centres depend on (x, t) only, not on the density, so a
//! grid can sample them at K nodes t_0 < ... < t_{K-1} once and let every time step interpolate:
//!
//! w(t) ≈ Σ_m ℓ_m(t) w(t_m),   ℓ_m(t) = Π_{l ≠ m} (t - t_l) / (t_m - t_l),
//!
//! over the six consecutive nodes around t (the quintic through them; fewer when K < 6). Its error
//! is at most max|∂⁶w/∂t⁶| |Π (t - t_l)| / 6!, about 0.0024 h⁶ max|∂⁶w/∂t⁶| between the middle
//! two of six nodes spaced h apart (Burden & Faires, Numerical Analysis, Thm 3.3). The values
//! are kept in `f32`, the precision of the network that produced them. The nodes may be sampled
//! in parts (by several workers, [`FaceTable::sample_into`]) and assembled ([`FaceTable::new`]).

use super::faces::{FaceSampler, FaceSource, FaceVelocities};
use super::{geometry::Geometry, GridConfig};
use crate::field::VelocityField;

/// Nodes per interpolating polynomial: six, a quintic in t.
const STENCIL: usize = 6;

/// The most time nodes a table may hold.
pub const MAX_NODES: usize = 1024;

/// Normal face velocities of one grid at time nodes: per node all x-face values, then all
/// y-face values (the layout of [`FaceVelocities`]).
#[derive(Clone, Debug)]
pub struct FaceTable {
    nodes: Vec<f64>,
    values: Vec<f32>,
    faces: usize,
}

/// `count` evenly spaced nodes on [0, 1], both ends included (count ≥ 2).
pub fn uniform_nodes(count: usize) -> Vec<f64> {
    let last = count.max(2) - 1;
    (0..=last).map(|k| k as f64 / last as f64).collect()
}

impl FaceTable {
    /// The number of values one node takes for a grid: 2 N (N + 1).
    pub fn values_per_node(config: &GridConfig) -> usize {
        2 * Geometry::new(config).faces_per_axis()
    }

    /// Samples the field at every face centre of the grid at each of `times`, writing node after
    /// node into `out` (`times.len()` × [`FaceTable::values_per_node`] values). Errors on a bad
    /// grid, a mismatched buffer, a non-finite time or velocity.
    pub fn sample_into<F: VelocityField + ?Sized>(
        config: &GridConfig,
        field: &mut F,
        times: &[f64],
        out: &mut [f32],
    ) -> Result<(), String> {
        config.validate()?;
        let geo = Geometry::new(config);
        let per_node = 2 * geo.faces_per_axis();
        if out.len() != times.len().saturating_mul(per_node) {
            return Err(format!(
                "need {} values for {} nodes of this grid, got {}",
                times.len().saturating_mul(per_node),
                times.len(),
                out.len()
            ));
        }
        let mut sampler = FaceSampler::new(&geo)?;
        let mut w = FaceVelocities::new(&geo)?;
        for (&t, node) in times.iter().zip(out.chunks_exact_mut(per_node)) {
            if !t.is_finite() {
                return Err(format!("a time node must be finite, got {t}"));
            }
            sampler.sample(field, t, &mut w)?;
            for (o, &x) in node.iter_mut().zip(w.u.iter().chain(&w.v)) {
                *o = x as f32;
            }
        }
        Ok(())
    }

    /// A table from nodes (2 ..= [`MAX_NODES`], finite, strictly increasing) and their values
    /// (node after node, as written by [`FaceTable::sample_into`]), all finite.
    pub fn new(config: &GridConfig, nodes: Vec<f64>, values: Vec<f32>) -> Result<Self, String> {
        config.validate()?;
        let per_node = Self::values_per_node(config);
        if !(2..=MAX_NODES).contains(&nodes.len()) {
            return Err(format!(
                "need 2 to {MAX_NODES} time nodes, got {}",
                nodes.len()
            ));
        }
        if !nodes.iter().all(|t| t.is_finite()) || nodes.windows(2).any(|w| w[0] >= w[1]) {
            return Err("the time nodes must be finite and strictly increasing".to_string());
        }
        if values.len() != nodes.len() * per_node {
            return Err(format!(
                "{} nodes of this grid need {} values, got {}",
                nodes.len(),
                nodes.len() * per_node,
                values.len()
            ));
        }
        if let Some(k) = values.iter().position(|w| !w.is_finite()) {
            return Err(format!(
                "the face velocities must be finite: value {k} (node {}) is {}",
                k / per_node,
                values[k]
            ));
        }
        Ok(Self {
            nodes,
            values,
            faces: per_node / 2,
        })
    }

    pub fn nodes(&self) -> &[f64] {
        &self.nodes
    }

    /// The first node of the [`STENCIL`] (or fewer) that interpolate at t, and their Lagrange
    /// weights.
    fn stencil(&self, t: f64) -> (usize, [f64; STENCIL], usize) {
        let k = self.nodes.len();
        let width = k.min(STENCIL);
        let after = self.nodes.partition_point(|&node| node <= t);
        let first = after.saturating_sub(STENCIL / 2).min(k - width);
        let ts = &self.nodes[first..first + width];
        let mut weights = [0.0; STENCIL];
        for (m, w) in weights.iter_mut().enumerate().take(width) {
            *w = (0..width)
                .filter(|&l| l != m)
                .map(|l| (t - ts[l]) / (ts[m] - ts[l]))
                .product();
        }
        (first, weights, width)
    }
}

impl FaceSource for FaceTable {
    /// The interpolated face velocities at t ∈ [t_0, t_{K-1}]; a time outside is an error.
    fn sample(&mut self, t: f64, out: &mut FaceVelocities) -> Result<(), String> {
        let (lo, hi) = (self.nodes[0], self.nodes[self.nodes.len() - 1]);
        if !(lo..=hi).contains(&t) {
            return Err(format!(
                "t = {t} lies outside the table's time nodes [{lo}, {hi}]"
            ));
        }
        if out.u.len() != self.faces || out.v.len() != self.faces {
            return Err("the face table was made for another grid".to_string());
        }
        let (first, weights, width) = self.stencil(t);
        let per_node = 2 * self.faces;
        let node = |m: usize| &self.values[(first + m) * per_node..(first + m + 1) * per_node];
        let targets = out.u.iter_mut().chain(out.v.iter_mut());
        if width == STENCIL {
            let rows: [&[f32]; STENCIL] = std::array::from_fn(node);
            let w = weights.map(|w| w as f32);
            for (j, o) in targets.enumerate() {
                let sum = (w[0] * rows[0][j] + w[1] * rows[1][j] + w[2] * rows[2][j])
                    + (w[3] * rows[3][j] + w[4] * rows[4][j] + w[5] * rows[5][j]);
                *o = sum as f64;
            }
        } else {
            for (j, o) in targets.enumerate() {
                *o = (0..width)
                    .map(|m| weights[m] * node(m)[j] as f64)
                    .sum::<f64>();
            }
        }
        out.finish(t)
    }
}
