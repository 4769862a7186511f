//! Options objects in: each options struct is declared once (its fields, their defaults through
//! `Default`, `#[serde(default, deny_unknown_fields)]`) and read here. The caller's object is
//! first copied key by key through `Reflect` (whose errors are caught) into plain objects and
//! arrays, so that no getter, Proxy or iterator of the caller's runs while serde reads it.

use super::args::{describe, error, thrown};
use js_sys::{Array, Object, Reflect};
use serde::de::{self, DeserializeOwned, Visitor};
use serde::Deserialize;
use wasm_bindgen::prelude::*;

/// How deep options may nest (`{ box: [..] }` is depth 2).
const MAX_DEPTH: usize = 3;
/// Most items an array inside an options object may hold.
const MAX_ITEMS: usize = 1 << 16;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array(v: &JsValue) -> Result<bool, JsValue>;
}

/// Reads an options object (`undefined` or `null` means all defaults) into `T`: an unknown key,
/// a value of the wrong type or a throwing getter is an error naming the call and the key.
pub fn options<T: DeserializeOwned + Default>(
    context: &str,
    value: &JsValue,
) -> Result<T, JsError> {
    Ok(split::<T, Nothing>(context, value)?.0)
}

/// Reads one options object into two structs, `A` and `B`, by their field names (a call's own
/// options and the integration method, for instance).
pub fn split<A, B>(context: &str, value: &JsValue) -> Result<(A, B), JsError>
where
    A: DeserializeOwned + Default,
    B: DeserializeOwned + Default,
{
    split_except(context, value, "")
}

/// [`options`] for an object whose key `skip` the caller reads itself (a large array).
pub fn options_except<T: DeserializeOwned + Default>(
    context: &str,
    value: &JsValue,
    skip: &str,
) -> Result<T, JsError> {
    Ok(split_except::<T, Nothing>(context, value, skip)?.0)
}

fn split_except<A, B>(context: &str, value: &JsValue, skip: &str) -> Result<(A, B), JsError>
where
    A: DeserializeOwned + Default,
    B: DeserializeOwned + Default,
{
    if value.is_undefined() || value.is_null() {
        return Ok((A::default(), B::default()));
    }
    if !value.is_object() || is_array(value).unwrap_or(true) {
        return Err(error(
            context,
            format!("options must be an object, got {}", describe(value)),
        ));
    }
    let (a_fields, b_fields) = (fields::<A>(), fields::<B>());
    let (a, b) = (Object::new(), Object::new());
    let threw = |e: JsValue| {
        error(
            context,
            format!("reading the options threw: {}", thrown(&e)),
        )
    };
    for key in Reflect::own_keys(value).map_err(threw)?.iter() {
        let Some(name) = key.as_string() else {
            continue; // a symbol key is no option
        };
        let into = if name == skip {
            continue;
        } else if a_fields.contains(&name.as_str()) {
            &a
        } else if b_fields.contains(&name.as_str()) {
            &b
        } else {
            let known = [a_fields, b_fields].concat().join(", ");
            return Err(error(
                context,
                format!("unknown option '{name}' (known: {known})"),
            ));
        };
        let v = Reflect::get(value, &key).map_err(threw)?;
        let v = plain(&v, 1).map_err(|e| error(context, format!("option '{name}': {e}")))?;
        Reflect::set(into, &key, &v).map_err(threw)?;
    }
    let bad = |e: serde_wasm_bindgen::Error| error(context, format!("bad options: {e}"));
    let a = serde_wasm_bindgen::from_value(a.into()).map_err(bad)?;
    let b = serde_wasm_bindgen::from_value(b.into()).map_err(bad)?;
    Ok((a, b))
}

/// A copy of `v` made of primitives, fresh arrays and fresh plain objects.
fn plain(v: &JsValue, depth: usize) -> Result<JsValue, String> {
    if !v.is_object() {
        return Ok(v.clone());
    }
    if depth > MAX_DEPTH {
        return Err("nested too deeply".into());
    }
    let threw = |e: JsValue| format!("reading it threw: {}", thrown(&e));
    let list = js_sys::ArrayBuffer::is_view(v) || is_array(v).map_err(threw)?;
    if list {
        let n = Reflect::get(v, &"length".into())
            .map_err(threw)?
            .as_f64()
            .unwrap_or(f64::NAN);
        if !(0.0..=MAX_ITEMS as f64).contains(&n) {
            return Err(format!("arrays may hold at most {MAX_ITEMS} items"));
        }
        let out = Array::new();
        for i in 0..n as u32 {
            out.push(&plain(&Reflect::get_u32(v, i).map_err(threw)?, depth + 1)?);
        }
        return Ok(out.into());
    }
    let out = Object::new();
    for key in Reflect::own_keys(v)
        .map_err(threw)?
        .iter()
        .filter(|k| k.is_string())
    {
        let item = plain(&Reflect::get(v, &key).map_err(threw)?, depth + 1)?;
        Reflect::set(&out, &key, &item).map_err(threw)?;
    }
    Ok(out.into())
}

/// Options of `evaluate` (FlowModel and CouplingModel): the size and seed of the held-out sample.
#[derive(Deserialize)]
#[serde(default, deny_unknown_fields)]
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

/// An options struct with no fields, for [`options`].
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Nothing {}

/// The field names of a struct, as serde's derive declares them (renames applied): a
/// deserializer that only records the list it is handed.
pub fn fields<T: DeserializeOwned>() -> &'static [&'static str] {
    struct Fields(&'static [&'static str]);
    impl<'de> de::Deserializer<'de> for &mut Fields {
        type Error = de::value::Error;
        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
            Err(de::Error::custom("not a struct"))
        }
        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Self::Error> {
            self.0 = fields;
            Err(de::Error::custom("fields recorded"))
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
            option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
            ignored_any
        }
    }
    let mut f = Fields(&[]);
    let _ = T::deserialize(&mut f);
    f.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Default, Deserialize)]
    #[serde(default, deny_unknown_fields)]
    #[allow(dead_code)]
    struct Example {
        n: usize,
        #[serde(rename = "box")]
        bounds: [f64; 4],
    }

    #[test]
    fn field_names_come_from_the_derive() {
        assert_eq!(fields::<Example>(), ["n", "box"]);
        assert!(fields::<Nothing>().is_empty());
    }
}
