//! Errors of the integrators and of the density evaluators built on them.

use std::fmt;

/// Why a configuration or an integration was refused or failed.
#[derive(Clone, Debug, PartialEq)]
pub enum IntegrateError {
    /// A fixed-step method needs 1 ..= `MAX_FIXED_STEPS` steps.
    InvalidSteps(usize),
    /// Tolerances must be finite and positive.
    InvalidTolerance { rtol: f64, atol: f64 },
    /// Step bounds need 0 <= h_min <= h_max, h_max > 0, h_min finite.
    InvalidStepBounds { h_min: f64, h_max: f64 },
    /// The adaptive step budget must be 1 ..= `MAX_ADAPTIVE_STEPS`.
    InvalidMaxSteps(usize),
    /// A time was NaN or infinite.
    NonFiniteTime,
    /// Output times must run monotonically away from the start time.
    UnorderedTimes,
    /// The state (or a batch of points) was empty.
    EmptyState,
    /// A buffer had the wrong length.
    LengthMismatch {
        what: &'static str,
        expected: usize,
        got: usize,
    },
    /// An invalid argument outside the integrator proper (e.g. a grid).
    InvalidArgument(&'static str),
    /// The adaptive solver used its whole step budget before reaching the end time.
    TooManySteps { t: f64, max_steps: usize },
    /// The adaptive step fell below h_min (or below the resolution of t).
    StepTooSmall { t: f64, h: f64 },
    /// The state became NaN or infinite.
    NonFiniteState,
}

impl fmt::Display for IntegrateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use IntegrateError::*;
        match self {
            InvalidSteps(n) => write!(
                f,
                "number of steps must be in 1..={}, got {n}",
                super::MAX_FIXED_STEPS
            ),
            InvalidTolerance { rtol, atol } => write!(
                f,
                "tolerances must be finite and > 0 (rtol {rtol}, atol {atol})"
            ),
            InvalidStepBounds { h_min, h_max } => write!(
                f,
                "step bounds need 0 <= h_min <= h_max, h_max > 0 (h_min {h_min}, h_max {h_max})"
            ),
            InvalidMaxSteps(n) => write!(
                f,
                "max_steps must be in 1..={}, got {n}",
                super::MAX_ADAPTIVE_STEPS
            ),
            NonFiniteTime => write!(f, "times must be finite"),
            UnorderedTimes => write!(
                f,
                "output times must be monotone in the direction of integration"
            ),
            EmptyState => write!(f, "state must not be empty"),
            LengthMismatch {
                what,
                expected,
                got,
            } => write!(f, "{what}: expected length {expected}, got {got}"),
            InvalidArgument(why) => write!(f, "invalid argument: {why}"),
            TooManySteps { t, max_steps } => {
                write!(f, "step budget of {max_steps} exhausted at t = {t}")
            }
            StepTooSmall { t, h } => write!(f, "step size {h} too small at t = {t}"),
            NonFiniteState => write!(f, "state became NaN or infinite"),
        }
    }
}

impl std::error::Error for IntegrateError {}
