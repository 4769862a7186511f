//! Tests of the integrators against closed forms; [`fields`] holds the shared test problems.

mod adaptive;
mod budget;
mod config;
mod dense;
pub(crate) mod fields;
mod linear;
mod order;
mod reversibility;
