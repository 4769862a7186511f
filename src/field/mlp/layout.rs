//! Where each weight lives in the flat parameter vector.
//!
//! The parameters of all layers form ONE contiguous vector, layer after layer from input to output;
//! each layer stores its weight matrix W (fan_in x fan_out, row-major: `W[k * fan_out + j]` multiplies
//! input k into output j, the transpose of PyTorch's `nn.Linear.weight`) followed by its bias b (fan_out).
//! A layer maps a row a of its batch to z = a W + b.

use super::config::{Io, MlpConfig};

/// One linear layer's shape and the offsets of its weights and bias in the parameter vector.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LayerSpan {
    pub fan_in: usize,
    pub fan_out: usize,
    /// Offset of W (fan_in * fan_out values).
    pub weights: usize,
    /// Offset of b (fan_out values), right after W.
    pub bias: usize,
}

impl LayerSpan {
    /// Offset one past the layer's last parameter.
    pub fn end(&self) -> usize {
        self.bias + self.fan_out
    }
}

/// The layers of a network in order; `depth + 1` linear maps.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layout {
    layers: Vec<LayerSpan>,
}

impl Layout {
    /// The layout of a (validated) configuration of a vector field (3 inputs, 2 outputs).
    pub fn new(config: &MlpConfig) -> Self {
        Self::with_io(config, Io::VELOCITY)
    }

    /// The layout with `io.inputs` inputs and `io.outputs` outputs.
    pub fn with_io(config: &MlpConfig, io: Io) -> Self {
        let dims = config.dims_with(io);
        let mut offset = 0;
        let layers = dims
            .windows(2)
            .map(|pair| {
                let span = LayerSpan {
                    fan_in: pair[0],
                    fan_out: pair[1],
                    weights: offset,
                    bias: offset + pair[0] * pair[1],
                };
                offset = span.end();
                span
            })
            .collect();
        Self { layers }
    }

    /// The linear layers, input layer first.
    pub fn layers(&self) -> &[LayerSpan] {
        &self.layers
    }

    /// Total number of parameters: Σ (fan_in + 1) fan_out.
    pub fn n_params(&self) -> usize {
        self.layers.last().map_or(0, LayerSpan::end)
    }

    /// Widest layer output (the row length of the activation buffers).
    pub fn max_width(&self) -> usize {
        self.layers
            .iter()
            .map(|l| l.fan_out.max(l.fan_in))
            .max()
            .unwrap_or(0)
    }
}
