//! The `{ method, steps, rtol, atol }` part of an options object, shared by every call that
//! integrates the flow, and the bound on the work one such call may do.

use super::args::error;
use super::options::{options, split};
use crate::budget::INTEGRATION;
use crate::integrate::{DopriConfig, Method};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use wasm_bindgen::prelude::*;

/// How to integrate: a fixed-step method with `steps`, or adaptive `dopri5` with tolerances.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct MethodOptions {
    pub method: String,
    pub steps: usize,
    pub rtol: f64,
    pub atol: f64,
}

impl Default for MethodOptions {
    fn default() -> Self {
        Self {
            method: "rk4".into(),
            steps: 20,
            rtol: 1e-5,
            atol: 1e-5,
        }
    }
}

/// Reads a call's own options `T` and the integration method from one options object.
pub fn with_method<T: DeserializeOwned + Default>(
    context: &str,
    value: &JsValue,
) -> Result<(T, Method), JsError> {
    let (own, method): (T, MethodOptions) = split(context, value)?;
    let method = method.method().map_err(|e| error(context, e))?;
    Ok((own, method))
}

/// Reads an options object that holds only the integration method.
pub fn method_only(context: &str, value: &JsValue) -> Result<Method, JsError> {
    let method: MethodOptions = options(context, value)?;
    method.method().map_err(|e| error(context, e))
}

impl MethodOptions {
    /// The validated integration method these options name.
    pub fn method(&self) -> Result<Method, String> {
        let steps = self.steps;
        let method = match self.method.as_str() {
            "euler" => Method::Euler { steps },
            "midpoint" => Method::Midpoint { steps },
            "rk4" => Method::Rk4 { steps },
            "dopri5" => Method::Dopri5(DopriConfig {
                rtol: self.rtol,
                atol: self.atol,
                ..DopriConfig::default()
            }),
            other => {
                return Err(format!(
                    "unknown method '{other}' (expected euler, midpoint, rk4 or dopri5)"
                ))
            }
        };
        method.validate().map_err(|e| e.to_string())?;
        Ok(method)
    }
}

/// `method` bounded for `points` points through a network of `weights` weights: a fixed-step
/// method whose passes (steps x stages) exceed the budget is an error; DOPRI5 gets a step budget
/// (max_steps) that keeps within it, so an integration needing more stops with a clear error.
pub fn bounded(method: Method, points: usize, weights: usize) -> Result<Method, String> {
    // A pass with the Jacobian (forward mode) counts 3 times.
    let budget = INTEGRATION;
    let passes = budget.passes(points, weights) / 3;
    let too_much = |needed: u64| budget.exceeded(points, needed.saturating_mul(3), weights);
    match method {
        Method::Euler { steps } | Method::Midpoint { steps } | Method::Rk4 { steps } => {
            let stages = match method {
                Method::Euler { .. } => 1,
                Method::Midpoint { .. } => 2,
                _ => 4,
            };
            let needed = steps as u64 * stages;
            if needed > passes {
                return Err(too_much(needed));
            }
            Ok(method)
        }
        Method::Dopri5(c) => {
            let steps = (passes / 7).min(c.max_steps as u64) as usize;
            if steps < 10 {
                return Err(too_much(70));
            }
            Ok(Method::Dopri5(DopriConfig {
                max_steps: steps,
                ..c
            }))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_map_to_methods_and_bad_settings_are_errors() {
        let rk4 = MethodOptions::default().method().unwrap();
        assert_eq!(rk4, Method::Rk4 { steps: 20 });
        let opts = |method: &str, steps: usize, rtol: f64| MethodOptions {
            method: method.into(),
            steps,
            rtol,
            ..MethodOptions::default()
        };
        assert_eq!(
            opts("euler", 5, 1e-5).method().unwrap(),
            Method::Euler { steps: 5 }
        );
        assert!(
            matches!(opts("dopri5", 0, 1e-3).method().unwrap(), Method::Dopri5(c) if c.rtol == 1e-3)
        );
        assert!(opts("rk5", 20, 1e-5)
            .method()
            .unwrap_err()
            .contains("unknown method 'rk5'"));
        assert!(opts("rk4", 0, 1e-5).method().is_err());
        assert!(opts("dopri5", 20, f64::NAN).method().is_err());
    }

    #[test]
    fn the_work_of_a_call_is_bounded() {
        let rk4 = Method::Rk4 { steps: 20 };
        // The lab's calls fit: 4,096 points, RK4 x 20, the 8,706 weights of M64.
        assert_eq!(bounded(rk4, 4096, 8706), Ok(rk4));
        // 2^20 points through 2^20 weights: not even one Euler step.
        let err = bounded(Method::Euler { steps: 1 }, 1 << 20, 1 << 20).unwrap_err();
        assert!(err.contains("more work than one call may do"), "{err}");
        // RK4 with 10^5 steps over 1,000 points of M64 is 3.5e14 units: refused.
        assert!(bounded(Method::Rk4 { steps: 100_000 }, 1000, 8706).is_err());
        // DOPRI5 keeps its default budget for small calls and gets a smaller one for big calls.
        let dopri = Method::Dopri5(DopriConfig::default());
        assert_eq!(bounded(dopri, 10, 8706), Ok(dopri));
        match bounded(dopri, 100_000, 8706) {
            Ok(Method::Dopri5(c)) => {
                let work = c.max_steps as u64 * 7 * 3 * 100_000 * 8706;
                assert!(
                    c.max_steps >= 10 && work <= INTEGRATION.limit,
                    "{}",
                    c.max_steps
                );
            }
            other => panic!("{other:?}"),
        }
    }
}
