//! A time-conditioned multilayer perceptron v(x, t): (x1, x2, t) -> hidden layers -> (v1, v2).
//!
//! The network is generic over its scalar ([`Real`]: `f32` to train fast, `f64` to check derivatives)
//! and keeps all weights in one flat vector (see [`layout`]). Passes over a batch run in a reusable
//! [`Workspace`]:
//! - forward: the velocities ([`forward`]),
//! - backward: the flow-matching loss and its gradient in all parameters ([`backward`]),
//! - tangent: the exact 2x2 Jacobian dv/dx by forward-mode differentiation ([`jacobian`]).

pub mod activation;
pub mod backward;
pub mod config;
pub mod field;
pub mod forward;
mod gemm;
pub mod general;
pub mod jacobian;
pub mod layout;
mod linear;
mod loss;
pub mod real;
pub mod serialize;
pub mod workspace;

pub use activation::Activation;
pub use config::{Io, MlpConfig};
pub use field::MlpField;
pub use layout::{LayerSpan, Layout};
pub use real::Real;
pub use workspace::{Times, Workspace};

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// The network: its architecture and its parameters, one flat vector in [`Layout`] order.
#[derive(Clone, Debug, PartialEq)]
pub struct Mlp<R: Real> {
    config: MlpConfig,
    io: Io,
    layout: Layout,
    params: Vec<R>,
}

impl<R: Real> Mlp<R> {
    /// A freshly initialised network, reproducible from `seed` (`StdRng::seed_from_u64`).
    ///
    /// Every weight and bias of a layer with fan_in inputs is drawn from U(-1/√fan_in, 1/√fan_in),
    /// PyTorch's default for `nn.Linear` (Kaiming-uniform with a = √5).
    pub fn new(config: MlpConfig, seed: u64) -> Result<Self, String> {
        Self::with_io(config, Io::VELOCITY, seed)
    }

    /// Like [`Mlp::new`] with `io.inputs` inputs and `io.outputs` outputs (validated), for the
    /// row-wise passes of [`general`]. The saved-model format ([`serialize`]) stores vector fields
    /// only: such a network's bytes do not load (their weight count does not match).
    pub fn with_io(config: MlpConfig, io: Io, seed: u64) -> Result<Self, String> {
        config.validate()?;
        let io = Io::new(io.inputs, io.outputs)?;
        let layout = Layout::with_io(&config, io);
        let mut rng = StdRng::seed_from_u64(seed);
        let mut params = Vec::with_capacity(layout.n_params());
        for span in layout.layers() {
            let bound = 1.0 / (span.fan_in as f64).sqrt();
            let count = span.end() - span.weights;
            params.extend((0..count).map(|_| R::from_f64(rng.random_range(-bound..bound))));
        }
        Ok(Self {
            config,
            io,
            layout,
            params,
        })
    }

    /// A vector field (3 -> 2) with the given parameters, checked: the count must match the layout, all finite.
    pub fn from_params(config: MlpConfig, params: Vec<R>) -> Result<Self, String> {
        config.validate()?;
        let layout = Layout::new(&config);
        if params.len() != layout.n_params() {
            return Err(format!(
                "a {}x{} network has {} parameters, got {}",
                config.depth,
                config.width,
                layout.n_params(),
                params.len()
            ));
        }
        if let Some(i) = params.iter().position(|p| !p.is_finite()) {
            return Err(format!("parameter {i} is not finite"));
        }
        Ok(Self {
            config,
            io: Io::VELOCITY,
            layout,
            params,
        })
    }

    /// The same network in another precision (each weight rounded to the nearest `S`).
    pub fn cast<S: Real>(&self) -> Mlp<S> {
        let params = self
            .params
            .iter()
            .map(|p| S::from_f64(p.to_f64()))
            .collect();
        Mlp {
            config: self.config,
            io: self.io,
            layout: self.layout.clone(),
            params,
        }
    }

    pub fn config(&self) -> MlpConfig {
        self.config
    }

    /// Input and output widths ([`Io::VELOCITY`] unless built by [`Mlp::with_io`]).
    pub fn io(&self) -> Io {
        self.io
    }

    /// Errs unless this network is a vector field (3 inputs, 2 outputs): the passes that take
    /// points and times need one.
    pub(crate) fn check_velocity(&self) -> Result<(), String> {
        if self.io == Io::VELOCITY {
            Ok(())
        } else {
            Err(format!(
                "a {} -> {} network is not a vector field (x1, x2, t) -> (v1, v2); use forward_rows",
                self.io.inputs, self.io.outputs
            ))
        }
    }

    pub fn layout(&self) -> &Layout {
        &self.layout
    }

    /// The flat parameter vector.
    pub fn params(&self) -> &[R] {
        &self.params
    }

    /// The flat parameter vector, for an optimizer.
    pub fn params_mut(&mut self) -> &mut [R] {
        &mut self.params
    }

    pub fn n_params(&self) -> usize {
        self.params.len()
    }
}
