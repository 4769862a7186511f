//! Log-density of a flow at time t on a batch of points, by backward integration to t = 0.

use super::{standard_normal_log_density, Grid};
use crate::field::VelocityField;
use crate::integrate::augmented::{
    fill_probes, pack, Augmentation, Divergence, DivergenceOde, FieldScratch, Hutchinson,
    HutchinsonOde, Probe,
};
use crate::integrate::{IntegrateError, Method, Ode, Solver, Stats};

/// A reusable evaluator: the solver, the augmented state, field scratch and probes are allocated
/// on first use and reused while the batch size stays the same.
pub struct LogDensity {
    solver: Solver,
    state: Vec<f64>,
    scratch: FieldScratch,
    probes: Vec<f64>,
    grid_points: Vec<f64>,
}

impl LogDensity {
    pub fn new(method: Method) -> Result<Self, IntegrateError> {
        let solver = Solver::new(method)?;
        Ok(Self {
            solver,
            state: Vec::new(),
            scratch: FieldScratch::default(),
            probes: Vec::new(),
            grid_points: Vec::new(),
        })
    }

    /// Exact log p_t(x) = log N(x_0) - ∫_0^t div v ds for every point of `points`
    /// (interleaved, length 2n) into `out` (length n). t may be any finite time, also negative.
    pub fn exact<F: VelocityField + ?Sized>(
        &mut self,
        field: &mut F,
        t: f64,
        points: &[f64],
        out: &mut [f64],
    ) -> Result<Stats, IntegrateError> {
        let scratch = std::mem::take(&mut self.scratch);
        let mut ode = DivergenceOde::with_scratch(field, Divergence, scratch);
        let result = self.pull_back(&mut ode, t, points, out);
        self.scratch = ode.into_scratch();
        result
    }

    /// Like [`LogDensity::exact`] but with the Hutchinson ESTIMATE eps^T (dv/dx) eps of the
    /// divergence, one probe per point drawn from `seed`: unbiased, with variance.
    pub fn hutchinson<F: VelocityField + ?Sized>(
        &mut self,
        field: &mut F,
        t: f64,
        points: &[f64],
        probe: Probe,
        seed: u64,
        out: &mut [f64],
    ) -> Result<Stats, IntegrateError> {
        self.probes.resize(points.len(), 0.0);
        fill_probes(probe, seed, &mut self.probes);
        let scratch = std::mem::take(&mut self.scratch);
        let probes = std::mem::take(&mut self.probes);
        let mut ode = HutchinsonOde::with_scratch(field, Hutchinson { probes: &probes }, scratch);
        let result = self.pull_back(&mut ode, t, points, out);
        self.scratch = ode.into_scratch();
        self.probes = probes;
        result
    }

    /// Exact log p_t on the cell centres of `grid` into `out` (length nx ny, row-major).
    pub fn on_grid<F: VelocityField + ?Sized>(
        &mut self,
        field: &mut F,
        t: f64,
        grid: &Grid,
        out: &mut [f64],
    ) -> Result<Stats, IntegrateError> {
        let mut points = std::mem::take(&mut self.grid_points);
        points.resize(2 * grid.len(), 0.0);
        let result = grid
            .points(&mut points)
            .and_then(|()| self.exact(field, t, &points, out));
        self.grid_points = points;
        result
    }

    /// Integrates records [x, y, l] (the layout of both Divergence and Hutchinson) from (x, 0) at
    /// time t back to 0 and writes log N(x_0) + l.
    fn pull_back<O: Ode + ?Sized>(
        &mut self,
        ode: &mut O,
        t: f64,
        points: &[f64],
        out: &mut [f64],
    ) -> Result<Stats, IntegrateError> {
        let n = points.len() / 2;
        if out.len() != n {
            return Err(IntegrateError::LengthMismatch {
                what: "log-density output",
                expected: n,
                got: out.len(),
            });
        }
        self.state.resize(Divergence::STRIDE * n, 0.0);
        pack(points, Divergence::INITIAL, &mut self.state)?;
        let stats = self.solver.integrate(ode, t, 0.0, &mut self.state)?;
        for (o, r) in out
            .iter_mut()
            .zip(self.state.chunks_exact(Divergence::STRIDE))
        {
            *o = standard_normal_log_density(&r[..2]) + r[2];
        }
        Ok(stats)
    }
}

/// One-shot [`LogDensity::exact`]: allocates its buffers for this call.
pub fn log_density<F: VelocityField + ?Sized>(
    field: &mut F,
    t: f64,
    points: &[f64],
    method: Method,
    out: &mut [f64],
) -> Result<Stats, IntegrateError> {
    LogDensity::new(method)?.exact(field, t, points, out)
}

/// One-shot [`LogDensity::hutchinson`]: an unbiased ESTIMATE of log p_t, not its exact value.
pub fn log_density_hutchinson<F: VelocityField + ?Sized>(
    field: &mut F,
    t: f64,
    points: &[f64],
    method: Method,
    probe: Probe,
    seed: u64,
    out: &mut [f64],
) -> Result<Stats, IntegrateError> {
    LogDensity::new(method)?.hutchinson(field, t, points, probe, seed, out)
}
