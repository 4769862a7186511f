//! Tests of the log-density against closed forms, normalisation and independent routes.

mod closed_form;
mod errors;
mod hutchinson;
mod logdet;
mod normalisation;
mod probes;
