//! How closely the Eulerian grid agrees with the exact density.
//!
//! The exact density comes from the Lagrangian view (log p_t = log p_0 - log|det J_t| along
//! trajectories), evaluated at the cell centres; the grid holds cell averages. The two differ by
//! (dx² ∂²p/∂x² + dy² ∂²p/∂y²)/24 even for a perfect solver: second order, while the solver's own
//! error is fifth order in one dimension on smooth densities, so both metrics shrink like h² on fine grids.

/// Two numbers that summarise the difference between an exact density p and a grid q.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Agreement {
    /// Σ |p - q| dx dy: the L1 distance, at most 2 for two probability densities.
    pub l1: f64,
    /// max |p - q| / p over the cells where p ≥ threshold · max p (elsewhere the relative error
    /// of a tiny tail density says nothing about the solver).
    pub max_relative: f64,
}

/// Compares the `exact` density with the `approx` one cell by cell (equal lengths, same order).
/// `threshold` in (0, 1] is relative to the peak of the exact density; 1e-3 is a sensible choice.
/// Errors on mismatched or empty slices, a non-finite value, or a bad area or threshold.
pub fn compare(
    exact: &[f64],
    approx: &[f64],
    cell_area: f64,
    threshold: f64,
) -> Result<Agreement, String> {
    if exact.is_empty() || exact.len() != approx.len() {
        return Err(format!(
            "need two non-empty densities of equal length, got {} and {}",
            exact.len(),
            approx.len()
        ));
    }
    if !(cell_area.is_finite() && cell_area > 0.0) {
        return Err(format!(
            "the cell area must be positive and finite, got {cell_area}"
        ));
    }
    if !(threshold > 0.0 && threshold <= 1.0) {
        return Err(format!("the threshold must be in (0, 1], got {threshold}"));
    }
    if !exact.iter().chain(approx).all(|p| p.is_finite()) {
        return Err("the densities must be finite".to_string());
    }
    let cut = threshold * exact.iter().fold(0.0, |m: f64, &p| m.max(p));
    let pairs = || exact.iter().zip(approx);
    let l1 = pairs().map(|(p, q)| (p - q).abs()).sum::<f64>() * cell_area;
    let max_relative = pairs()
        .filter(|&(&p, _)| p >= cut && p > 0.0)
        .fold(0.0, |m: f64, (p, q)| m.max((p - q).abs() / p));
    Ok(Agreement { l1, max_relative })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metrics_match_a_hand_computation() {
        let exact = [4.0, 2.0, 0.001, 0.0];
        let approx = [3.0, 2.5, 0.5, 0.25];
        let a = compare(&exact, &approx, 0.5, 0.1).unwrap();
        assert_eq!(a.l1, (1.0 + 0.5 + 0.499 + 0.25) * 0.5);
        assert_eq!(a.max_relative, 0.25); // cells 3 and 4 lie below 0.1 * 4
    }

    #[test]
    fn bad_inputs_are_errors() {
        let p = [1.0, 2.0];
        assert!(compare(&p, &p[..1], 1.0, 0.1).is_err());
        assert!(compare(&[], &[], 1.0, 0.1).is_err());
        assert!(compare(&p, &p, 0.0, 0.1).is_err());
        assert!(compare(&p, &p, 1.0, f64::NAN).is_err());
        assert!(compare(&p, &p, 1.0, 0.0).is_err());
        assert!(compare(&p, &[1.0, f64::INFINITY], 1.0, 0.1).is_err());
        assert_eq!(compare(&p, &p, 1.0, 0.1).unwrap().l1, 0.0);
    }
}
