//! A discrete normalizing flow: RealNVP-style affine coupling layers in the plane, trained by exact
//! maximum likelihood.
//!
//! The flow f = f_L ∘ ... ∘ f_1 maps data to the base N(0, I); each f_k is a coupling [`layer`] whose
//! log-scale and shift come from a small network NN_k: x_a -> (r, t) (an [`Mlp`] with one input and two
//! outputs). By the change of variables, log p(x) = log N(f(x)) + Σ_k ln|det df_k| = log N(z) + Σ_k s_k.
//! [`likelihood`] evaluates it and its gradient in every weight by reverse mode through the layers,
//! [`terms`] splits it into the base and log-determinant terms, [`sample`] runs the inverse f^{-1}
//! on base samples, [`train`] maximises the likelihood with Adam, and [`save`] writes and reads a
//! trained flow.

pub mod chunked;
pub mod layer;
pub mod likelihood;
pub mod sample;
pub mod save;
pub mod settings;
pub mod terms;
#[cfg(test)]
mod tests;
pub mod train;

pub use terms::LikelihoodTerms;
pub use train::MaximumLikelihoodTrainer;

use crate::field::mlp::{Activation, Io, Mlp, MlpConfig, Workspace};

/// Largest accepted number of coupling layers.
pub const MAX_LAYERS: usize = 64;

/// The architecture: `layers` couplings (alternating the changed coordinate), each conditioner a
/// network of `depth` hidden layers of `width` units, log-scales bounded by |s| < `scale_bound`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CouplingConfig {
    pub layers: usize,
    pub depth: usize,
    pub width: usize,
    pub activation: Activation,
    pub scale_bound: f64,
}

impl Default for CouplingConfig {
    /// 8 layers with 2 x 32 tanh conditioners and |s| < 3.
    fn default() -> Self {
        Self {
            layers: 8,
            depth: 2,
            width: 32,
            activation: Activation::Tanh,
            scale_bound: 3.0,
        }
    }
}

impl CouplingConfig {
    /// Checks 1 <= layers <= 64, a valid conditioner and 0 < scale_bound <= 20.
    pub fn validate(&self) -> Result<(), String> {
        if self.layers == 0 || self.layers > MAX_LAYERS {
            return Err(format!(
                "coupling flow: layers must be in 1..={MAX_LAYERS}, got {}",
                self.layers
            ));
        }
        if !(self.scale_bound > 0.0 && self.scale_bound <= 20.0) {
            return Err(format!(
                "coupling flow: scale bound must be in (0, 20], got {}",
                self.scale_bound
            ));
        }
        MlpConfig::new(self.depth, self.width, self.activation).map(|_| ())
    }
}

/// The flow: one conditioner network per layer, with its workspace and the recorded forward pass.
#[derive(Clone, Debug)]
pub struct CouplingFlow {
    config: CouplingConfig,
    nets: Vec<Mlp<f64>>,
    ws: Vec<Workspace<f64>>,
    /// `xs[k]`: input of layer k (2n values); `xs[L]` is z = f(x).
    xs: Vec<Vec<f64>>,
    /// `cond[k]`: conditioner outputs (r, t) of layer k.
    cond: Vec<Vec<f64>>,
    /// Conditioner inputs x_a of the current layer (n values) and their gradient.
    column: Vec<f64>,
    g_column: Vec<f64>,
    /// Per-point log-determinant, dL/d(layer output) and dL/d(conditioner output).
    log_det: Vec<f64>,
    g: Vec<f64>,
    g_cond: Vec<f64>,
}

/// The coordinate layer k changes (the other conditions it).
pub(crate) fn changed(k: usize) -> usize {
    k % 2
}

impl CouplingFlow {
    /// A flow that starts as the identity: each conditioner's hidden weights are PyTorch-style random
    /// (seeded) and its output layer is zero, so s = t = 0 until training moves them.
    pub fn new(config: CouplingConfig, seed: u64) -> Result<Self, String> {
        config.validate()?;
        let mlp = MlpConfig::new(config.depth, config.width, config.activation)?;
        let io = Io::new(1, 2)?;
        let nets = (0..config.layers as u64)
            .map(|k| {
                let mut net = Mlp::with_io(mlp, io, seed.wrapping_add(k))?;
                let last = *net.layout().layers().last().expect("a network has layers");
                net.params_mut()[last.weights..].fill(0.0);
                Ok(net)
            })
            .collect::<Result<Vec<_>, String>>()?;
        Ok(Self {
            config,
            ws: vec![Workspace::new(); config.layers],
            xs: vec![Vec::new(); config.layers + 1],
            cond: vec![Vec::new(); config.layers],
            nets,
            column: Vec::new(),
            g_column: Vec::new(),
            log_det: Vec::new(),
            g: Vec::new(),
            g_cond: Vec::new(),
        })
    }

    pub fn config(&self) -> CouplingConfig {
        self.config
    }

    /// The conditioner networks, layer 0 (applied first to data) first.
    pub fn nets(&self) -> &[Mlp<f64>] {
        &self.nets
    }

    pub fn nets_mut(&mut self) -> &mut [Mlp<f64>] {
        &mut self.nets
    }

    /// Total number of weights over all conditioners.
    pub fn n_params(&self) -> usize {
        self.nets.iter().map(Mlp::n_params).sum()
    }
}
