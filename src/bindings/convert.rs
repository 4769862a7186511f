//! Checks and conversions at the JavaScript boundary: options objects in, typed arrays and plain
//! objects out. Every failure becomes a `JsError` that names what was wrong.

use js_sys::{Float64Array, Object, Reflect};
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;

/// A `JsError` with a message "`context`: `err`".
pub fn error(context: &str, err: impl std::fmt::Display) -> JsError {
    JsError::new(&format!("{context}: {err}"))
}

/// Reads an options object (`undefined` or `null` means all defaults) into `T`. Unknown keys and
/// values of the wrong type are errors that say which key.
pub fn options<T: DeserializeOwned + Default>(context: &str, value: JsValue) -> Result<T, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    serde_wasm_bindgen::from_value(value).map_err(|e| error(context, format!("bad options: {e}")))
}

/// Checks that `xs` holds interleaved 2D points: an even, non-zero length of finite numbers, at
/// most `max_points` points. Returns the number of points.
pub fn points(context: &str, xs: &[f64], max_points: usize) -> Result<usize, JsError> {
    if xs.is_empty() || xs.len() % 2 != 0 {
        return Err(error(
            context,
            format!("points must be a non-empty array of interleaved x, y values; got length {}", xs.len()),
        ));
    }
    let n = xs.len() / 2;
    if n > max_points {
        return Err(error(context, format!("at most {max_points} points, got {n}")));
    }
    if let Some(i) = xs.iter().position(|v| !v.is_finite()) {
        return Err(error(context, format!("point {} has a non-finite coordinate ({})", i / 2, xs[i])));
    }
    Ok(n)
}

/// Checks that a time lies in [0, 1].
pub fn time(context: &str, t: f64) -> Result<f64, JsError> {
    if (0.0..=1.0).contains(&t) {
        Ok(t)
    } else {
        Err(error(context, format!("t must be a number in [0, 1], got {t}")))
    }
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
