//! Distances between two point sets, used to score generated samples against data.
//!
//! Both take interleaved sets (lengths 2n and 2m, not necessarily equal) and return an error
//! for empty, odd-length or non-finite input.

pub mod energy;
pub mod sliced;
pub mod straightness;
#[cfg(test)]
mod tests;

pub use energy::energy_distance;
pub use sliced::SlicedWasserstein;
pub use straightness::length_over_chord;

/// Checks that `xs` is a non-empty, even-length slice of finite numbers.
fn validate(xs: &[f64], what: &str) -> Result<(), String> {
    if xs.is_empty() || !xs.len().is_multiple_of(2) {
        return Err(format!(
            "{what}: need a non-empty even number of coordinates, got {}",
            xs.len()
        ));
    }
    if xs.iter().any(|x| !x.is_finite()) {
        return Err(format!("{what}: coordinates must be finite"));
    }
    Ok(())
}
