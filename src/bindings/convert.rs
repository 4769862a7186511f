//! Checks and conversions at the JavaScript boundary: options objects in, typed arrays and plain
//! objects out. Every failure becomes a `JsError` that names what was wrong.

use js_sys::{Float64Array, Object, Reflect};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use wasm_bindgen::prelude::*;

/// A `JsError` with a message "`context`: `err`".
pub fn error(context: &str, err: impl std::fmt::Display) -> JsError {
    JsError::new(&format!("{context}: {err}"))
}

/// An options object's Rust side: every key optional (`#[serde(default)]`), and the list of keys.
pub trait Options: DeserializeOwned + Default {
    const KEYS: &'static [&'static str];
}

/// Options of `evaluate` (FlowModel and CouplingModel): the size and seed of the held-out sample.
#[derive(Deserialize)]
#[serde(default)]
pub struct EvaluateOptions {
    pub n: usize,
    pub seed: u64,
}

impl Default for EvaluateOptions {
    fn default() -> Self {
        Self {
            n: 2000,
            seed: 12345,
        }
    }
}

impl Options for EvaluateOptions {
    const KEYS: &'static [&'static str] = &["n", "seed"];
}

/// Reads an options object (`undefined` or `null` means all defaults) into `T`. A key that is
/// neither one of `T`'s nor in `also` is an error, so that a typo does not pass unnoticed; so is a
/// value of the wrong type.
pub fn options<T: Options>(context: &str, value: &JsValue, also: &[&str]) -> Result<T, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    if !value.is_object() {
        return Err(error(context, "options must be an object"));
    }
    // Read every key once through Reflect (which reports a throwing getter or Proxy as an error
    // instead of unwinding through Rust) into a plain object, and deserialize that copy.
    let thrown = |e: JsValue| error(context, format!("reading the options threw: {e:?}"));
    let plain = Object::new();
    for key in Reflect::own_keys(value).map_err(thrown)?.iter() {
        let Some(name) = key.as_string() else {
            continue; // a symbol key is no option
        };
        if !T::KEYS.contains(&name.as_str()) && !also.contains(&name.as_str()) {
            let known = [T::KEYS, also].concat().join(", ");
            return Err(error(
                context,
                format!("unknown option '{name}' (known: {known})"),
            ));
        }
        let v = Reflect::get(value, &key).map_err(thrown)?;
        Reflect::set(&plain, &key, &v).map_err(thrown)?;
    }
    serde_wasm_bindgen::from_value(plain.into())
        .map_err(|e| error(context, format!("bad options: {e}")))
}

/// A plain JavaScript object assembled field by field.
pub struct ObjectBuilder(Object);

impl Default for ObjectBuilder {
    fn default() -> Self {
        Self(Object::new())
    }
}

impl ObjectBuilder {
    /// Sets `key` to any JavaScript value.
    pub fn set(self, key: &str, value: impl Into<JsValue>) -> Self {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&self.0, &JsValue::from_str(key), &value.into());
        self
    }

    /// Sets `key` to a `Float64Array` copy of `values`.
    pub fn array(self, key: &str, values: &[f64]) -> Self {
        self.set(key, Float64Array::from(values))
    }

    /// Sets `key` to a number, or `null` when there is none.
    pub fn optional(self, key: &str, value: Option<f64>) -> Self {
        self.set(key, value.map_or(JsValue::NULL, JsValue::from_f64))
    }

    pub fn build(self) -> JsValue {
        self.0.into()
    }
}
