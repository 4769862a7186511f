//! Pointwise quantities of the flow at one time: velocity, divergence and log-density.

use super::{check_points, check_time, Flow};
use crate::density::LogDensity;
use crate::field::{divergence, VelocityField};
use crate::integrate::augmented::Probe;
use crate::integrate::Method;

impl Flow {
    /// v(x, t) at every point (2n values), e.g. for arrows.
    pub fn velocity(&self, points: &[f64], t: f64) -> Result<Vec<f64>, String> {
        check_points(points, "velocity")?;
        check_time(t, "velocity")?;
        let mut v = vec![0.0; points.len()];
        self.field().velocity(t, points, &mut v);
        Ok(v)
    }

    /// div v(x, t) = tr dv/dx at every point (n values), exact (forward-mode derivatives).
    pub fn divergence(&self, points: &[f64], t: f64) -> Result<Vec<f64>, String> {
        let n = check_points(points, "divergence")?;
        check_time(t, "divergence")?;
        let (mut v, mut jac) = (vec![0.0; points.len()], vec![0.0; 4 * n]);
        self.field()
            .velocity_and_jacobian(t, points, &mut v, &mut jac);
        Ok(jac.chunks_exact(4).map(divergence).collect())
    }

    /// Exact log p_t(x) of the model at every point (n values):
    /// log N(x_0; 0, I) - ∫_0^t div v ds along the trajectory through x, integrated with `method`.
    pub fn log_density(&self, points: &[f64], t: f64, method: Method) -> Result<Vec<f64>, String> {
        let n = check_points(points, "log-density")?;
        check_time(t, "log-density")?;
        let mut out = vec![0.0; n];
        LogDensity::new(method)
            .and_then(|mut d| d.exact(&mut self.field(), t, points, &mut out))
            .map_err(|e| format!("log-density: {e}"))?;
        Ok(out)
    }

    /// An ESTIMATE of log p_t(x): the divergence replaced by Hutchinson's eps^T (dv/dx) eps with
    /// one `probe` per point drawn from `seed`. Unbiased in the divergence, not exact.
    pub fn log_density_hutchinson(
        &self,
        points: &[f64],
        t: f64,
        method: Method,
        probe: Probe,
        seed: u64,
    ) -> Result<Vec<f64>, String> {
        let n = check_points(points, "Hutchinson log-density")?;
        check_time(t, "Hutchinson log-density")?;
        let mut out = vec![0.0; n];
        LogDensity::new(method)
            .and_then(|mut d| d.hutchinson(&mut self.field(), t, points, probe, seed, &mut out))
            .map_err(|e| format!("Hutchinson log-density: {e}"))?;
        Ok(out)
    }
}
