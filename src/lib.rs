//! FlowLab: normalizing flows, continuous normalizing flows and flow matching in two dimensions.
//!
//! The numerical core is plain Rust and is tested natively. The only module that knows about
//! JavaScript is [`bindings`], a thin layer that validates input and converts types.

pub mod affine_coupling;
pub mod bindings;
pub mod budget;
pub mod change_of_variables;
pub mod density;
pub mod eulerian;
pub mod field;
pub mod flow;
pub mod framing;
pub mod integrate;
pub mod lagrangian;
pub mod metrics;
pub mod optim;
pub mod pairing;
pub mod path;
pub mod random;
pub mod residual;
pub mod sde;
pub mod target;
pub mod train;
