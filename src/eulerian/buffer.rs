//! Fallible allocation: a grid too large for the available memory is an error, not an abort.

/// A vector of `len` zeros, or an error naming what could not be allocated.
pub(super) fn zeroed(len: usize, what: &str) -> Result<Vec<f64>, String> {
    let mut v = Vec::new();
    v.try_reserve_exact(len)
        .map_err(|_| format!("cannot allocate {len} numbers for the {what}: not enough memory"))?;
    v.resize(len, 0.0);
    Ok(v)
}
