//! The JavaScript boundary: the only module with `#[wasm_bindgen]`. Each function validates what
//! JavaScript passes in, calls the pure-Rust core, and converts the result. Nothing here panics on
//! bad input: errors come back as a `JsError` whose message says what was wrong.

use wasm_bindgen::prelude::*;

mod convert;
mod method;
mod samples;

pub use samples::standard_normal_samples;

/// The crate version, so the page can show which core it runs.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
