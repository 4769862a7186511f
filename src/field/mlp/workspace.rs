//! Preallocated buffers of one pass through a network, batch-major (point after point).
//!
//! A workspace grows to the largest batch it has seen and is then reused: a training step or a
//! velocity evaluation allocates nothing once the workspace has reached its batch size.

use super::config::INPUT_DIM;
use super::layout::Layout;
use super::real::Real;

/// Time of each input point: one per point (training batches) or shared (integrating a flow).
#[derive(Clone, Copy, Debug)]
pub enum Times<'a> {
    Each(&'a [f64]),
    All(f64),
}

/// Scratch space of forward, backward and tangent passes for batches of up to a few points.
#[derive(Clone, Debug, Default)]
pub struct Workspace<R> {
    /// `acts[0]` holds the inputs ((x1, x2, t) for a vector field), `acts[l]` the output of layer l (σ(z) for hidden
    /// layers, v for the last), each n rows of the layer width.
    pub(crate) acts: Vec<Vec<R>>,
    /// `derivs[l - 1]` holds σ'(z) of hidden layer l.
    pub(crate) derivs: Vec<Vec<R>>,
    /// dL/d(activation) of the current layer and of the layer below (ping-pong).
    pub(crate) grads: [Vec<R>; 2],
    /// Tangents d(activation)/dx1 and d(activation)/dx2: rows 2i and 2i + 1 belong to point i.
    pub(crate) tangents: [Vec<R>; 2],
    /// Scratch for a transposed weight matrix.
    pub(crate) weights_t: Vec<R>,
    /// Points in the current batch.
    pub(crate) n: usize,
    /// Outputs per point of the network of the current batch.
    pub(crate) outputs: usize,
}

/// Makes `buf` hold at least `len` values; only allocates when it grows.
fn reserve<R: Real>(buf: &mut Vec<R>, len: usize) {
    if buf.len() < len {
        buf.resize(len, R::ZERO);
    }
}

impl<R: Real> Workspace<R> {
    /// An empty workspace; the first pass sizes it.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sizes every buffer for `n` points of the network `layout` (cheap when already large enough).
    pub(crate) fn prepare(&mut self, layout: &Layout, n: usize, with_tangents: bool) {
        let layers = layout.layers();
        self.acts.resize_with(layers.len() + 1, Vec::new);
        self.derivs.resize_with(layers.len() - 1, Vec::new);
        reserve(&mut self.acts[0], n * layers[0].fan_in);
        for (l, span) in layers.iter().enumerate() {
            reserve(&mut self.acts[l + 1], n * span.fan_out);
            if let Some(d) = self.derivs.get_mut(l) {
                reserve(d, n * span.fan_out);
            }
        }
        let width = layout.max_width();
        for g in &mut self.grads {
            reserve(g, n * width);
        }
        if with_tangents {
            for t in &mut self.tangents {
                reserve(t, 2 * n * width);
            }
        }
        reserve(&mut self.weights_t, width * width);
        self.n = n;
        self.outputs = layers[layers.len() - 1].fan_out;
    }

    /// Loads a batch of interleaved points `xs` (2n values) with their times as network inputs.
    pub(crate) fn load(&mut self, xs: &[f64], times: Times<'_>) {
        let rows = self.acts[0].chunks_exact_mut(INPUT_DIM);
        for (i, (row, x)) in rows.zip(xs.chunks_exact(2)).enumerate() {
            let t = match times {
                Times::Each(ts) => ts[i],
                Times::All(t) => t,
            };
            row.copy_from_slice(&[R::from_f64(x[0]), R::from_f64(x[1]), R::from_f64(t)]);
        }
    }

    /// Loads n rows of network inputs (`inputs.len() / n` values each) for a general network.
    pub(crate) fn load_rows(&mut self, inputs: &[f64]) {
        for (a, &x) in self.acts[0].iter_mut().zip(inputs) {
            *a = R::from_f64(x);
        }
    }

    /// The network output of the last forward pass: `outputs` values per point (v for a vector field).
    pub(crate) fn output(&self) -> &[R] {
        let last = self.acts.last().map_or(&[][..], Vec::as_slice);
        &last[..self.outputs * self.n]
    }
}

/// The number of points n in interleaved `xs`, checked against the times and the output length
/// (`out_per_point` values per point).
pub(crate) fn batch_size(
    xs: &[f64],
    times: Times<'_>,
    out: usize,
    out_per_point: usize,
) -> Result<usize, String> {
    if !xs.len().is_multiple_of(2) {
        return Err(format!(
            "points are interleaved (x, y) pairs, got {} values",
            xs.len()
        ));
    }
    let n = xs.len() / 2;
    if let Times::Each(ts) = times {
        if ts.len() != n {
            return Err(format!("{n} points but {} times", ts.len()));
        }
    }
    if out != out_per_point * n {
        return Err(format!(
            "{n} points need an output of {} values, got {out}",
            out_per_point * n
        ));
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::field::mlp::MlpConfig;

    fn buffers(ws: &Workspace<f32>) -> Vec<*const f32> {
        let all = ws
            .acts
            .iter()
            .chain(&ws.derivs)
            .chain(&ws.grads)
            .chain(&ws.tangents);
        all.chain([&ws.weights_t]).map(|b| b.as_ptr()).collect()
    }

    #[test]
    fn buffers_are_reused_for_batches_up_to_the_largest_seen() {
        let layout = Layout::new(&MlpConfig::M64);
        let mut ws = Workspace::new();
        ws.prepare(&layout, 256, true);
        let before = buffers(&ws);
        for n in [1, 100, 256, 17] {
            ws.prepare(&layout, n, true);
            assert_eq!(buffers(&ws), before, "reallocated for a batch of {n}");
        }
        ws.prepare(&layout, 257, true);
        assert_ne!(buffers(&ws), before, "did not grow");
        assert_eq!(ws.acts[0].len(), 257 * INPUT_DIM);
    }
}
