//! Time stepping: strong-stability-preserving Runge-Kutta of order 2 (Heun, Shu-Osher form)
//!
//! p¹ = pⁿ + dt L(pⁿ, tⁿ),   pⁿ⁺¹ = ½ pⁿ + ½ (p¹ + dt L(p¹, tⁿ + dt)),
//!
//! a convex combination of forward-Euler steps, so it keeps their positivity. L is the
//! finite-volume rate of `flux`; the face velocities are sampled at each stage time, and
//! the samples at tⁿ + dt serve again as the first stage of the next step. Each step takes
//! dt = CFL · min(dx, dy) / max|v·n| (velocities at tⁿ), shortened so that the steps land exactly
//! on the requested time; if the field has sped up so much by tⁿ + dt that dt exceeds the
//! positivity bound [`MAX_CFL`] there, the step is retried with the faster speed. The mass leaving the box is accumulated with the same weights, so that
//! mass() + outflow() = initial_mass() up to round-off.

use super::{
    buffer::zeroed,
    config::{GridConfig, MAX_CFL},
    faces::{FaceSampler, FaceSource, FaceVelocities, FieldFaces},
    flux::Fluxes,
    geometry::Geometry,
    initial,
};
use crate::field::VelocityField;

/// The density of the flow on a fixed grid, advanced in time by the continuity equation.
pub struct EulerianGrid {
    pub(super) config: GridConfig,
    pub(super) geo: Geometry,
    pub(super) t: f64,
    pub(super) steps: usize,
    pub(super) outflow: f64,
    pub(super) initial_mass: f64,
    pub(super) density: Vec<f64>,
    stage: Vec<f64>,
    rate: Vec<f64>,
    pub(super) centres: Vec<f64>,
    sampler: FaceSampler,
    now: FaceVelocities,
    next: FaceVelocities,
    fluxes: Fluxes,
}

impl EulerianGrid {
    /// A grid holding the cell averages of N(0, I) at t = 0.
    pub fn new(config: GridConfig) -> Result<Self, String> {
        config.validate()?;
        let geo = Geometry::new(&config);
        let mut centres = zeroed(2 * geo.cells(), "cell centres")?;
        geo.write_cell_centres(&mut centres);
        let mut grid = Self {
            config,
            geo,
            t: 0.0,
            steps: 0,
            outflow: 0.0,
            initial_mass: 0.0,
            density: zeroed(geo.cells(), "density")?,
            stage: zeroed(geo.cells(), "Runge-Kutta stage")?,
            rate: zeroed(geo.cells(), "rate of change")?,
            centres,
            sampler: FaceSampler::new(&geo)?,
            now: FaceVelocities::new(&geo)?,
            next: FaceVelocities::new(&geo)?,
            fluxes: Fluxes::new(&geo)?,
        };
        grid.reset();
        Ok(grid)
    }

    /// Back to t = 0: the cell averages of N(0, I), no outflow, no steps.
    pub fn reset(&mut self) {
        initial::write_standard_normal(&self.geo, &mut self.density);
        self.t = 0.0;
        self.steps = 0;
        self.outflow = 0.0;
        self.initial_mass = self.mass();
    }

    /// Advances the density to time `t_target` ≥ t() in CFL-limited steps, sampling the field at
    /// the 2 N (N + 1) face centres once per step, plus once at the start of each call (the caller
    /// may pass a different field each time) and once per retried step. Errors as
    /// [`EulerianGrid::advance_with`].
    pub fn advance_to<F>(&mut self, field: &mut F, t_target: f64) -> Result<(), String>
    where
        F: VelocityField + ?Sized,
    {
        let mut sampler = std::mem::take(&mut self.sampler);
        let mut faces = FieldFaces {
            sampler: &mut sampler,
            field,
        };
        let result = self.advance_with(&mut faces, t_target);
        self.sampler = sampler;
        result
    }

    /// Advances the density to time `t_target` ≥ t() in CFL-limited steps, with the face
    /// velocities from `source` (the field itself, or a [`super::FaceTable`] of it).
    ///
    /// Errors, leaving the grid at the last completed step: `t_target` not finite or earlier than
    /// t(), a non-finite velocity, or more than `config.max_steps` attempted steps.
    pub fn advance_with<S>(&mut self, source: &mut S, t_target: f64) -> Result<(), String>
    where
        S: FaceSource + ?Sized,
    {
        if !(t_target.is_finite() && t_target >= self.t) {
            return Err(format!(
                "cannot advance from t = {} to t = {t_target}: the target must be finite and not \
                 earlier (use reset() to start again)",
                self.t
            ));
        }
        if t_target == self.t {
            return Ok(());
        }
        source.sample(self.t, &mut self.now)?;
        let h = self.geo.dx.min(self.geo.dy);
        let mut speed = self.now.max_speed;
        for _ in 0..self.config.max_steps {
            let remaining = t_target - self.t;
            let steps_left = (remaining * speed / (self.config.cfl * h)).ceil();
            if steps_left > self.config.max_steps as f64 {
                // More steps than allowed at the current speed: fail now, not in an hour.
                return Err(format!(
                    "stopped at t = {}: reaching t = {t_target} would take about {steps_left} more \
                     steps (max |v·n| = {speed}), more than max_steps = {}",
                    self.t, self.config.max_steps
                ));
            }
            let (dt, t_next) = if steps_left <= 1.0 {
                (remaining, t_target)
            } else {
                (remaining / steps_left, self.t + remaining / steps_left)
            };
            if t_next <= self.t {
                return Err(format!(
                    "stopped at t = {}: the time step underflowed (max |v·n| = {speed})",
                    self.t
                ));
            }
            source.sample(t_next, &mut self.next)?;
            let faster = self.next.max_speed;
            if faster > speed && dt * faster > MAX_CFL * h {
                speed = faster; // the field sped up beyond the positivity bound: retry shorter
                continue;
            }
            self.step(dt, t_next);
            if self.t == t_target {
                return Ok(());
            }
            speed = self.now.max_speed;
        }
        Err(format!(
            "stopped at t = {} after {} attempted steps: the field is too fast for this grid and \
             CFL number (max |v·n| = {speed})",
            self.t, self.config.max_steps
        ))
    }

    /// One SSP-RK2 step of length dt to time `t_next`, with the face velocities at t in
    /// `self.now` and at `t_next` in `self.next`.
    fn step(&mut self, dt: f64, t_next: f64) {
        let geo = &self.geo;
        let out0 = self
            .fluxes
            .rate(geo, &self.density, &self.now, &mut self.rate);
        for (s, (&p, &r)) in self
            .stage
            .iter_mut()
            .zip(self.density.iter().zip(&self.rate))
        {
            *s = p + dt * r;
        }
        let out1 = self
            .fluxes
            .rate(geo, &self.stage, &self.next, &mut self.rate);
        for (p, (&s, &r)) in self
            .density
            .iter_mut()
            .zip(self.stage.iter().zip(&self.rate))
        {
            *p = 0.5 * (*p + s + dt * r);
        }
        self.outflow += 0.5 * dt * (out0 + out1);
        self.t = t_next;
        self.steps += 1;
        std::mem::swap(&mut self.now, &mut self.next);
    }
}
