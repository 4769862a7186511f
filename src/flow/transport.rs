//! Moving points along the flow: samples at t = 1 and trajectories.

use super::{check_points, check_time, Flow, MAX_POINTS};
use crate::integrate::augmented::PositionsOde;
use crate::integrate::{Method, Solver};
use crate::random::fill_standard_normal;
use rand::rngs::StdRng;
use rand::SeedableRng;

/// Largest number of values one trajectory call may return (times x 2 points).
pub const MAX_TRAJECTORY_VALUES: usize = 1 << 24;

impl Flow {
    /// `n` samples of the model: x0 ~ N(0, I) from a generator seeded with `seed`
    /// (`fill_standard_normal` on `StdRng::seed_from_u64(seed)`), carried from t = 0 to t = 1.
    pub fn sample(&self, n: usize, seed: u64, method: Method) -> Result<Vec<f64>, String> {
        if !(1..=MAX_POINTS).contains(&n) {
            return Err(format!("sample: n must be in 1..={MAX_POINTS}, got {n}"));
        }
        let mut xs = vec![0.0; 2 * n];
        fill_standard_normal(&mut StdRng::seed_from_u64(seed), &mut xs);
        let mut field = self.field();
        Solver::new(method)
            .and_then(|mut s| s.integrate(&mut PositionsOde::new(&mut field), 0.0, 1.0, &mut xs))
            .map_err(|e| format!("sample: {e}"))?;
        Ok(xs)
    }

    /// The positions at `times` (non-decreasing, in [0, 1]) of the flow started at `x0s` at t = 0:
    /// row k of the result (2n values) holds the points at times[k].
    pub fn trajectories(
        &self,
        x0s: &[f64],
        times: &[f64],
        method: Method,
    ) -> Result<Vec<f64>, String> {
        check_points(x0s, "trajectories")?;
        if times.is_empty() || times.len().saturating_mul(x0s.len()) > MAX_TRAJECTORY_VALUES {
            return Err(format!(
                "trajectories: need at least one time and at most {MAX_TRAJECTORY_VALUES} values \
                 in all, got {} times of {} points",
                times.len(),
                x0s.len() / 2
            ));
        }
        for &t in times {
            check_time(t, "trajectories")?;
        }
        let mut y = x0s.to_vec();
        let mut out = vec![0.0; times.len() * x0s.len()];
        let mut field = self.field();
        Solver::new(method)
            .and_then(|mut s| {
                s.trajectory(
                    &mut PositionsOde::new(&mut field),
                    0.0,
                    &mut y,
                    times,
                    &mut out,
                )
            })
            .map_err(|e| format!("trajectories: {e}"))?;
        Ok(out)
    }
}
