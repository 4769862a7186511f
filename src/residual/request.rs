//! What one call of the residual-flow figure may ask for: the points and the values of K, within
//! bounds on memory (points x levels) and work (points x the sum of K).

/// Largest accepted number of points: the one policy.
pub use crate::budget::MAX_POINTS;
/// Largest accepted K for the residual flow, and most K values per call.
pub const MAX_RESIDUAL_STEPS: u32 = 10_000;
pub const MAX_LEVELS: usize = 64;
/// Most values the levels hold (points x levels; 3 f64 each: about 100 MB at the limit).
pub const MAX_LEVEL_POINTS: usize = 1 << 22;
/// Most field evaluations with the Jacobian over all levels (points x the sum of K), so that one
/// call stays within seconds to a minute.
pub const MAX_RESIDUAL_WORK: usize = 1 << 26;

/// Checks the residual request: a finite, non-empty batch of at most [`MAX_POINTS`] (x, y) points
/// and 1..=[`MAX_LEVELS`] values of K, each in 1..=[`MAX_RESIDUAL_STEPS`], within
/// [`MAX_LEVEL_POINTS`] and [`MAX_RESIDUAL_WORK`].
pub fn residual_request(x0: &[f64], ks: &[u32]) -> Result<Vec<usize>, String> {
    if x0.is_empty() || !x0.len().is_multiple_of(2) || x0.len() > 2 * MAX_POINTS {
        return Err(format!(
            "need 1..={MAX_POINTS} interleaved (x, y) points, got {} values",
            x0.len()
        ));
    }
    if x0.iter().any(|x| !x.is_finite()) {
        return Err("points must be finite".into());
    }
    if ks.is_empty() || ks.len() > MAX_LEVELS {
        return Err(format!(
            "need 1..={MAX_LEVELS} values of K, got {}",
            ks.len()
        ));
    }
    let ks = ks
        .iter()
        .map(|&k| match k {
            1..=MAX_RESIDUAL_STEPS => Ok(k as usize),
            _ => Err(format!("K must be in 1..={MAX_RESIDUAL_STEPS}, got {k}")),
        })
        .collect::<Result<Vec<_>, _>>()?;
    let n = x0.len() / 2;
    let work = n.saturating_mul(ks.iter().sum());
    if n.saturating_mul(ks.len()) > MAX_LEVEL_POINTS || work > MAX_RESIDUAL_WORK {
        return Err(format!(
            "{n} points at {} levels with {} steps in all is too much work: points x levels must \
             be at most {MAX_LEVEL_POINTS} and points x the sum of K at most {MAX_RESIDUAL_WORK}",
            ks.len(),
            ks.iter().sum::<usize>()
        ));
    }
    Ok(ks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn residual_request_bounds_points_and_k() {
        assert_eq!(
            residual_request(&[0.0, 1.0], &[1, 10_000]).unwrap(),
            vec![1, 10_000]
        );
        assert!(residual_request(&[0.0, 1.0], &[0]).is_err());
        assert!(residual_request(&[0.0, 1.0], &[10_001]).is_err());
        assert!(residual_request(&[0.0, 1.0], &[]).is_err());
        assert!(residual_request(&[], &[4]).is_err());
        assert!(residual_request(&[0.0], &[4]).is_err());
        assert!(residual_request(&[0.0, f64::NAN], &[4]).is_err());
        // The products are capped: 2^19 points fit 8 levels but not 9, and K = 128 but not 129.
        let many = vec![0.5; 1 << 20];
        assert!(residual_request(&many, &[1; 8]).is_ok());
        let err = residual_request(&many, &[1; 9]).unwrap_err();
        assert!(err.contains("points x levels"), "{err}");
        assert!(residual_request(&many, &[128]).is_ok());
        assert!(residual_request(&many, &[129]).is_err());
    }
}
