//! The architecture of a vector-field network: how many hidden layers, how wide, which nonlinearity.

use super::activation::Activation;
use serde::{Deserialize, Serialize};

/// Inputs per point: (x1, x2, t).
pub const INPUT_DIM: usize = 3;
/// Outputs per point: (v1, v2).
pub const OUTPUT_DIM: usize = 2;
/// Largest accepted hidden width.
pub const MAX_WIDTH: usize = 1024;
/// Largest accepted number of hidden layers.
pub const MAX_DEPTH: usize = 16;
/// Largest accepted number of inputs or outputs of a general network ([`Io`]).
pub const MAX_IO: usize = 64;

/// Input and output widths of a network. [`MlpConfig`] describes the hidden layers; every
/// constructor that takes no `Io` builds the vector field (x1, x2, t) -> (v1, v2), [`Io::VELOCITY`].
/// Other widths (e.g. the 1 -> 2 conditioner of a coupling layer) use [`super::Mlp::with_io`] and the
/// row-wise passes [`super::Mlp::forward_rows`] and [`super::Mlp::backward_rows`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Io {
    pub inputs: usize,
    pub outputs: usize,
}

impl Io {
    /// The vector field: inputs (x1, x2, t), outputs (v1, v2).
    pub const VELOCITY: Io = Io {
        inputs: INPUT_DIM,
        outputs: OUTPUT_DIM,
    };

    /// Validated widths: 1 <= inputs, outputs <= [`MAX_IO`].
    pub fn new(inputs: usize, outputs: usize) -> Result<Self, String> {
        let ok = |n: usize| (1..=MAX_IO).contains(&n);
        if !ok(inputs) || !ok(outputs) {
            return Err(format!(
                "network inputs and outputs must be between 1 and {MAX_IO}, got {inputs} and {outputs}"
            ));
        }
        Ok(Self { inputs, outputs })
    }
}

/// Architecture of [`super::Mlp`]: `depth` hidden layers of `width` units, each followed by `activation`,
/// then a linear output layer of width 2.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MlpConfig {
    pub depth: usize,
    pub width: usize,
    pub activation: Activation,
}

impl MlpConfig {
    /// The notebook's standard model M64: 3 hidden layers of width 64 with SiLU (8 706 parameters).
    pub const M64: MlpConfig = MlpConfig {
        depth: 3,
        width: 64,
        activation: Activation::Silu,
    };

    /// A validated configuration: 1 <= depth <= 16 and 1 <= width <= 1024.
    pub fn new(depth: usize, width: usize, activation: Activation) -> Result<Self, String> {
        let config = Self {
            depth,
            width,
            activation,
        };
        config.validate()?;
        Ok(config)
    }

    /// Checks the sizes (a `MlpConfig` built by hand or deserialized may be invalid).
    pub fn validate(&self) -> Result<(), String> {
        if self.depth == 0 || self.depth > MAX_DEPTH {
            return Err(format!(
                "network depth must be between 1 and {MAX_DEPTH} hidden layers, got {}",
                self.depth
            ));
        }
        if self.width == 0 || self.width > MAX_WIDTH {
            return Err(format!(
                "network width must be between 1 and {MAX_WIDTH} units, got {}",
                self.width
            ));
        }
        Ok(())
    }

    /// Layer sizes from input to output: `[3, width, ..., width, 2]` (depth + 2 entries).
    pub fn dims(&self) -> Vec<usize> {
        self.dims_with(Io::VELOCITY)
    }

    /// Layer sizes `[io.inputs, width, ..., width, io.outputs]`.
    pub fn dims_with(&self, io: Io) -> Vec<usize> {
        let mut dims = vec![io.inputs];
        dims.extend(std::iter::repeat_n(self.width, self.depth));
        dims.push(io.outputs);
        dims
    }
}
