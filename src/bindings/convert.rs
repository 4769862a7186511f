//! Results out: plain objects of numbers and typed arrays.

use js_sys::{Float64Array, Object, Reflect};
use wasm_bindgen::prelude::*;

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
