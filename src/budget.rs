//! What one call from the page may ask for, one policy for every export: at most [`MAX_POINTS`]
//! points taken or made, and work, counted as points x network passes x weights, within a
//! [`Work`] budget (one for integrating, one for training).

/// Most points one call takes or makes: 2^20 (16 MB as interleaved f64 pairs).
pub const MAX_POINTS: usize = 1 << 20;

/// `n` if it is a count of points one call may ask for (1..=[`MAX_POINTS`]).
pub fn count(n: usize) -> Result<usize, String> {
    if (1..=MAX_POINTS).contains(&n) {
        Ok(n)
    } else {
        Err(format!("n must be between 1 and {MAX_POINTS}, got {n}"))
    }
}

/// The most work one call may do, in units of one point through one weight once.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Work {
    pub limit: u64,
}

/// Integrating calls (a pass with the Jacobian counts 3 times): about a minute natively.
pub const INTEGRATION: Work = Work { limit: 1 << 38 };
/// Training calls (steps x batch x weights): tens of seconds natively.
pub const TRAINING: Work = Work { limit: 1 << 36 };

impl Work {
    /// How many passes of `points` points through `weights` weights fit.
    pub fn passes(&self, points: usize, weights: usize) -> u64 {
        self.limit / (points.max(1) as u64).saturating_mul(weights.max(1) as u64)
    }

    /// Ok if `passes` passes of `points` points through `weights` weights fit; else a message
    /// that says what to ask for instead.
    pub fn check(&self, points: usize, passes: u64, weights: usize) -> Result<(), String> {
        if passes <= self.passes(points, weights) {
            Ok(())
        } else {
            Err(self.exceeded(points, passes, weights))
        }
    }

    /// The message for a call that asked for more than fits.
    pub fn exceeded(&self, points: usize, passes: u64, weights: usize) -> String {
        format!(
            "{points} points x {passes} passes x {weights} weights is more work than one call may \
             do (at most {}); ask for fewer points or steps per call",
            self.limit
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_work_have_one_limit_each() {
        assert_eq!(count(1), Ok(1));
        assert_eq!(count(MAX_POINTS), Ok(MAX_POINTS));
        assert!(count(0).is_err() && count(MAX_POINTS + 1).is_err());
        // 2^36 units: 256 points x 2^20 weights fit 256 passes, not 257.
        assert_eq!(TRAINING.passes(256, 1 << 20), 256);
        assert!(TRAINING.check(256, 256, 1 << 20).is_ok());
        let err = TRAINING.check(256, 257, 1 << 20).unwrap_err();
        assert!(err.contains("more work than one call may do"), "{err}");
        assert_eq!(INTEGRATION.passes(0, 0), 1 << 38);
    }
}
