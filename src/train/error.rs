//! Why training stopped.

use std::fmt;

/// The quantity that stopped being finite.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NonFinite {
    /// The batch loss (its value: NaN or ±inf).
    Loss(f64),
    /// The gradient, first at this flat parameter index.
    Gradient(usize),
    /// The parameters after the update, first at this flat index.
    Parameters(usize),
}

/// An error of [`FlowMatchingTrainer`](super::FlowMatchingTrainer) calls.
#[derive(Clone, Debug, PartialEq)]
pub enum TrainError {
    /// A call asked for a number of steps outside 1..=[`MAX_STEPS_PER_CALL`](super::MAX_STEPS_PER_CALL).
    InvalidSteps(usize),
    /// Step `step` (counted from 1 over the trainer's life) produced a non-finite value. The
    /// network and Adam's state are those after step `step - 1`, still usable.
    Diverged { step: u64, cause: NonFinite },
    /// A setting or buffer was refused by a module the trainer calls.
    Invalid(String),
}

impl fmt::Display for TrainError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TrainError::InvalidSteps(n) => write!(
                f,
                "steps per call must be between 1 and {}, got {n}",
                super::MAX_STEPS_PER_CALL
            ),
            TrainError::Diverged { step, cause } => {
                write!(f, "training diverged at step {step}: ")?;
                match cause {
                    NonFinite::Loss(loss) => write!(f, "the loss is {loss}")?,
                    NonFinite::Gradient(i) => write!(f, "gradient entry {i} is not finite")?,
                    NonFinite::Parameters(i) => {
                        write!(f, "the update made parameter {i} non-finite")?
                    }
                }
                write!(
                    f,
                    "; the weights after step {} were kept (a smaller learning rate may help)",
                    step - 1
                )
            }
            TrainError::Invalid(why) => write!(f, "{why}"),
        }
    }
}

impl std::error::Error for TrainError {}
