//! Arguments in: every export takes its arguments as `JsValue` and reads them here, so that no
//! value JavaScript can pass (a string for a number, a Proxy, a Symbol, a BigInt, a huge array)
//! reaches the generated glue's conversions. Every failure is a `JsError` "`context`: `name` ...".
//!
//! Only operations that cannot run JavaScript code are used on the caller's value (typeof,
//! `ArrayBuffer.isView`, `instanceof` guarded by the glue), or imports marked `catch`, so that a
//! throwing getter or a revoked Proxy becomes an error instead of unwinding through Rust frames.

use js_sys::{
    Array, ArrayBuffer, Float32Array, Float64Array, Object, Reflect, Uint32Array, Uint8Array,
};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    /// `Array.isArray(v)`: throws for a revoked Proxy, hence `catch`.
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array(v: &JsValue) -> Result<bool, JsValue>;
    /// `Array.from(v)`: a fresh array; runs the value's iterator, hence `catch`.
    #[wasm_bindgen(catch, js_namespace = Array, js_name = from)]
    fn array_from(v: &JsValue) -> Result<Array, JsValue>;
}

/// `new C(v)` where C is the typed-array class of `like`: a fresh copy of the typed array `v`
/// (a detached buffer throws, which `Reflect.construct` reports as an error).
fn copy_as<T: JsCast>(like: T, v: &JsValue) -> Result<T, JsValue> {
    let class = like.unchecked_into::<Object>().constructor();
    Ok(Reflect::construct(&class, &Array::of1(v))?.unchecked_into())
}

/// A `JsError` with the message "`context`: `err`".
pub fn error(context: &str, err: impl std::fmt::Display) -> JsError {
    JsError::new(&format!("{context}: {err}"))
}

/// What a value is, for error messages: "a string", "NaN", "a Uint8Array", ...
pub fn describe(v: &JsValue) -> String {
    if v.is_undefined() {
        return "undefined".into();
    }
    if v.is_null() {
        return "null".into();
    }
    if let Some(x) = v.as_f64() {
        return format!("{x}");
    }
    if ArrayBuffer::is_view(v) {
        for (name, yes) in [
            ("a Float64Array", v.has_type::<Float64Array>()),
            ("a Uint32Array", v.has_type::<Uint32Array>()),
            ("a Uint8Array", v.has_type::<Uint8Array>()),
        ] {
            if yes {
                return name.into();
            }
        }
        return "another typed array".into();
    }
    if is_array(v).unwrap_or(false) {
        return "an array".into();
    }
    match v.js_typeof().as_string().as_deref() {
        Some("object") => "an object".into(),
        Some(kind) => format!("a {kind}"),
        None => "an unknown value".into(),
    }
}

/// What JavaScript code threw: its message, or what it is.
pub fn thrown(e: &JsValue) -> String {
    Reflect::get(e, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_else(|| describe(e))
}

/// An argument being read: the function it belongs to, its name, and the value.
#[derive(Clone, Copy)]
pub struct Arg<'a> {
    context: &'a str,
    name: &'a str,
    value: &'a JsValue,
}

/// Starts reading the argument `name` of `context`.
pub fn arg<'a>(context: &'a str, name: &'a str, value: &'a JsValue) -> Arg<'a> {
    Arg {
        context,
        name,
        value,
    }
}

impl Arg<'_> {
    /// A `JsError` "`context`: `name` `what`, got `value`".
    pub fn wrong(&self, what: impl std::fmt::Display) -> JsError {
        error(
            self.context,
            format!("{} {what}, got {}", self.name, describe(self.value)),
        )
    }

    /// An error about this argument with a message of the core's.
    pub fn fail(&self, err: impl std::fmt::Display) -> JsError {
        error(self.context, format!("{}: {err}", self.name))
    }

    /// Whether the argument was left out (`undefined`).
    pub fn missing(&self) -> bool {
        self.value.is_undefined()
    }

    /// A number (any, NaN and infinities included: the core checks ranges and says why).
    pub fn number(&self) -> Result<f64, JsError> {
        self.value
            .as_f64()
            .ok_or_else(|| self.wrong("must be a number"))
    }

    /// An integer in `lo..=hi`.
    pub fn integer(&self, lo: u64, hi: u64) -> Result<u64, JsError> {
        let x = self.number()?;
        if x.fract() != 0.0 || !(lo as f64..=hi as f64).contains(&x) {
            return Err(self.wrong(format!("must be an integer in {lo}..={hi}")));
        }
        Ok(x as u64)
    }

    /// A count in `lo..=hi`.
    pub fn count(&self, lo: usize, hi: usize) -> Result<usize, JsError> {
        self.integer(lo as u64, hi as u64).map(|n| n as usize)
    }

    /// A seed: an integer in 0..=2^53 - 1 (every integer a JavaScript number holds exactly).
    pub fn seed(&self) -> Result<u64, JsError> {
        self.integer(0, (1 << 53) - 1)
    }

    /// A string.
    pub fn string(&self) -> Result<String, JsError> {
        self.value
            .as_string()
            .ok_or_else(|| self.wrong("must be a string"))
    }

    /// Numbers from a `Float64Array` or an array of numbers, at most `max` of them (checked before
    /// anything is copied into the module's memory).
    pub fn numbers(&self, max: usize) -> Result<Vec<f64>, JsError> {
        let expected = "must be a Float64Array or an array of numbers";
        if ArrayBuffer::is_view(self.value) {
            if !self.value.has_type::<Float64Array>() {
                return Err(self.wrong(expected));
            }
            // A fresh copy: the argument's own `length` could be a getter.
            let copy = copy_as(Float64Array::new_with_length(0), self.value)
                .map_err(|e| self.threw(&e))?;
            self.within(copy.length() as usize, max)?;
            return Ok(copy.to_vec());
        }
        let items = self.array(expected, max)?;
        items
            .iter()
            .map(|v| v.as_f64().ok_or_else(|| self.wrong(expected)))
            .collect()
    }

    /// `f32` values from a `Float32Array` or an array of numbers, at most `max` of them.
    pub fn floats(&self, max: usize) -> Result<Vec<f32>, JsError> {
        if ArrayBuffer::is_view(self.value) {
            if !self.value.has_type::<Float32Array>() {
                return Err(self.wrong("must be a Float32Array or an array of numbers"));
            }
            let copy = copy_as(Float32Array::new_with_length(0), self.value)
                .map_err(|e| self.threw(&e))?;
            self.within(copy.length() as usize, max)?;
            return Ok(copy.to_vec());
        }
        Ok(self.numbers(max)?.into_iter().map(|x| x as f32).collect())
    }

    /// Interleaved (x, y) points: an even number of values, at most `max_points` points, 1 or
    /// more unless `allow_empty`. Finiteness is the core's to check (it names the point).
    pub fn points(&self, max_points: usize) -> Result<Vec<f64>, JsError> {
        let xs = self.numbers(2 * max_points)?;
        if xs.is_empty() || !xs.len().is_multiple_of(2) {
            return Err(self.fail(format!(
                "need 1..={max_points} interleaved (x, y) points, got {} values",
                xs.len()
            )));
        }
        Ok(xs)
    }

    /// Counts from a `Uint32Array` or an array of non-negative integers, at most `max`.
    pub fn counts(&self, max: usize) -> Result<Vec<u32>, JsError> {
        let expected = "must be a Uint32Array or an array of integers in 0..=4294967295";
        if ArrayBuffer::is_view(self.value) {
            if !self.value.has_type::<Uint32Array>() {
                return Err(self.wrong(expected));
            }
            let copy =
                copy_as(Uint32Array::new_with_length(0), self.value).map_err(|e| self.threw(&e))?;
            self.within(copy.length() as usize, max)?;
            return Ok(copy.to_vec());
        }
        let items = self.array(expected, max)?;
        items
            .iter()
            .map(|v| match v.as_f64() {
                Some(x) if x.fract() == 0.0 && (0.0..=u32::MAX as f64).contains(&x) => Ok(x as u32),
                _ => Err(self.wrong(expected)),
            })
            .collect()
    }

    /// Bytes from a `Uint8Array`.
    pub fn bytes(&self, max: usize) -> Result<Vec<u8>, JsError> {
        if !ArrayBuffer::is_view(self.value) || !self.value.has_type::<Uint8Array>() {
            return Err(self.wrong("must be a Uint8Array"));
        }
        let copy =
            copy_as(Uint8Array::new_with_length(0), self.value).map_err(|e| self.threw(&e))?;
        self.within(copy.length() as usize, max)?;
        Ok(copy.to_vec())
    }

    /// A fresh copy of a JavaScript array (a Proxy's traps run inside a `catch`), at most `max`
    /// items long.
    fn array(&self, expected: &str, max: usize) -> Result<Array, JsError> {
        if !is_array(self.value).unwrap_or(false) {
            return Err(self.wrong(expected));
        }
        let length = Reflect::get(self.value, &"length".into())
            .ok()
            .and_then(|l| l.as_f64())
            .unwrap_or(f64::INFINITY);
        if length > max as f64 {
            return Err(self.wrong(format!("has more than {max} values")));
        }
        let copy = array_from(self.value).map_err(|e| self.threw(&e))?;
        self.within(copy.length() as usize, max)?;
        Ok(copy)
    }

    /// Reading the argument ran JavaScript code that threw `e`.
    fn threw(&self, e: &JsValue) -> JsError {
        self.fail(format!("reading it threw: {}", thrown(e)))
    }

    fn within(&self, len: usize, max: usize) -> Result<(), JsError> {
        if len > max {
            return Err(error(
                self.context,
                format!("{} has {len} values, at most {max} are allowed", self.name),
            ));
        }
        Ok(())
    }
}
