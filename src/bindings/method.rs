//! The `{ method, steps, rtol, atol }` part of an options object, shared by every call that
//! integrates the flow.

use super::convert::{error, options, Options};
use crate::integrate::{DopriConfig, Method};
use serde::Deserialize;
use wasm_bindgen::prelude::*;

/// How to integrate: a fixed-step method with `steps`, or adaptive `dopri5` with tolerances.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(default)]
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

impl Options for MethodOptions {
    const KEYS: &'static [&'static str] = &["method", "steps", "rtol", "atol"];
}

/// Reads a call's own options `T` and the integration method from one options object.
pub fn with_method<T: Options>(context: &str, value: &JsValue) -> Result<(T, Method), JsError> {
    let own: T = options(context, value, MethodOptions::KEYS)?;
    let method: MethodOptions = options(context, value, T::KEYS)?;
    let method = method.method().map_err(|e| error(context, e))?;
    Ok((own, method))
}

/// Reads an options object that holds only the integration method.
pub fn method_only(context: &str, value: &JsValue) -> Result<Method, JsError> {
    let method: MethodOptions = options(context, value, &[])?;
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
}
