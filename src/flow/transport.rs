//! Moving points along the flow: samples at t = 1 and trajectories.

use super::{check_points, check_time, Flow, MAX_POINTS};
use crate::integrate::augmented::{
    log_abs_det, pack, Augmentation, Jacobian, JacobianOde, PositionsOde,
};
use crate::integrate::{Method, Solver};
use crate::random::fill_standard_normal;
use rand::rngs::StdRng;
use rand::SeedableRng;

/// Largest number of values one trajectory call may return (times x 2 points).
pub const MAX_TRAJECTORY_VALUES: usize = 1 << 24;

/// Points carried along the flow, row k for times[k].
#[derive(Clone, Debug, PartialEq)]
pub struct Transport {
    /// 2n values a row.
    pub positions: Vec<f64>,
    /// n values a row: log|det dx_t/dx_{t0}|, when asked for.
    pub log_det: Option<Vec<f64>>,
    /// Field evaluations used.
    pub evaluations: usize,
}

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
        Ok(self.transport(x0s, 0.0, times, method, false)?.positions)
    }

    /// Carries `points` from time `t0` to each of `times` (monotone, leading away from `t0`, all in
    /// [0, 1]; forward or backward in time). With `log_det`, also integrates the Jacobian
    /// J = dx_t/dx_{t0} (dJ/dt = (dv/dx) J) and returns log|det J| per point and time.
    pub fn transport(
        &self,
        points: &[f64],
        t0: f64,
        times: &[f64],
        method: Method,
        log_det: bool,
    ) -> Result<Transport, String> {
        let n = check_points(points, "transport")?;
        if times.is_empty() || times.len().saturating_mul(points.len()) > MAX_TRAJECTORY_VALUES {
            return Err(format!(
                "transport: need at least one time and at most {MAX_TRAJECTORY_VALUES} values \
                 in all, got {} times of {n} points",
                times.len(),
            ));
        }
        check_time(t0, "transport")?;
        for &t in times {
            check_time(t, "transport")?;
        }
        let mut solver = Solver::new(method).map_err(|e| format!("transport: {e}"))?;
        let mut field = self.field();
        let stride = if log_det { Jacobian::STRIDE } else { 2 };
        let mut state = vec![0.0; n * stride];
        let mut rows = vec![0.0; times.len() * state.len()];
        let stats = if log_det {
            pack(points, Jacobian::INITIAL, &mut state).map_err(|e| format!("transport: {e}"))?;
            let mut ode = JacobianOde::new(&mut field, Jacobian);
            solver.trajectory(&mut ode, t0, &mut state, times, &mut rows)
        } else {
            state.copy_from_slice(points);
            solver.trajectory(
                &mut PositionsOde::new(&mut field),
                t0,
                &mut state,
                times,
                &mut rows,
            )
        }
        .map_err(|e| format!("transport: {e}"))?;
        let records = rows.chunks_exact(stride);
        let positions = records.clone().flat_map(|r| [r[0], r[1]]).collect();
        let log_det = log_det.then(|| records.map(|r| log_abs_det(&r[2..6])).collect());
        Ok(Transport {
            positions,
            log_det,
            evaluations: stats.evaluations,
        })
    }
}
