//! The normal velocity v·n at every face centre at a time t: sampled from the field in one batch
//! call ([`FieldFaces`]), or interpolated from samples taken earlier ([`super::FaceTable`]).

use super::{buffer::zeroed, geometry::Geometry};
use crate::field::VelocityField;

/// Where the solver gets the normal face velocities at a time.
pub trait FaceSource {
    /// Writes v·n at every face at time t into `out` (and its largest |v·n|). A non-finite
    /// velocity is an error: no time step can be chosen from it.
    fn sample(&mut self, t: f64, out: &mut FaceVelocities) -> Result<(), String>;
}

/// Normal velocities at one time: `u` on the x-faces (N rows of N + 1), `v` on the y-faces
/// (N + 1 rows of N), and the largest |v·n| over all faces, which sets the CFL time step.
pub struct FaceVelocities {
    pub u: Vec<f64>,
    pub v: Vec<f64>,
    pub max_speed: f64,
}

impl FaceVelocities {
    pub(super) fn new(geo: &Geometry) -> Result<Self, String> {
        Ok(Self {
            u: zeroed(geo.faces_per_axis(), "x-face velocities")?,
            v: zeroed(geo.faces_per_axis(), "y-face velocities")?,
            max_speed: 0.0,
        })
    }
}

/// The face centres and the buffer the field writes into, allocated once.
#[derive(Default)]
pub(super) struct FaceSampler {
    points: Vec<f64>,
    velocities: Vec<f64>,
}

impl FaceSampler {
    pub fn new(geo: &Geometry) -> Result<Self, String> {
        let len = 4 * geo.faces_per_axis();
        let mut points = zeroed(len, "face centres")?;
        geo.write_face_centres(&mut points);
        Ok(Self {
            points,
            velocities: zeroed(len, "face velocity samples")?,
        })
    }

    /// Evaluates the field at all face centres at time t and keeps the normal components.
    /// A non-finite velocity is an error (the solver cannot choose a time step from it).
    pub fn sample<F: VelocityField + ?Sized>(
        &mut self,
        field: &mut F,
        t: f64,
        out: &mut FaceVelocities,
    ) -> Result<(), String> {
        field.velocity(t, &self.points, &mut self.velocities);
        let (xfaces, yfaces) = self.velocities.split_at(2 * out.u.len());
        for (u, s) in out.u.iter_mut().zip(xfaces.chunks_exact(2)) {
            *u = s[0];
        }
        for (v, s) in out.v.iter_mut().zip(yfaces.chunks_exact(2)) {
            *v = s[1];
        }
        out.finish(t)
    }
}

impl FaceVelocities {
    /// Sets `max_speed` from the stored velocities; an error if one is not finite.
    pub(super) fn finish(&mut self, t: f64) -> Result<(), String> {
        self.max_speed = sticky_max(max_abs(&self.u), max_abs(&self.v));
        if !self.max_speed.is_finite() {
            return Err(format!("the velocity field is not finite at t = {t}"));
        }
        Ok(())
    }
}

/// A field seen through the grid's face centres.
pub(super) struct FieldFaces<'a, F: ?Sized> {
    pub sampler: &'a mut FaceSampler,
    pub field: &'a mut F,
}

impl<F: VelocityField + ?Sized> FaceSource for FieldFaces<'_, F> {
    fn sample(&mut self, t: f64, out: &mut FaceVelocities) -> Result<(), String> {
        self.sampler.sample(self.field, t, out)
    }
}

/// max(m, a), except that a NaN in either argument wins and stays.
#[inline]
fn sticky_max(m: f64, a: f64) -> f64 {
    if a > m || a.is_nan() {
        a
    } else {
        m
    }
}

/// The largest |w|: NaN if some w is NaN, ∞ if some is infinite. Four independent lanes let the
/// loop vectorise.
fn max_abs(ws: &[f64]) -> f64 {
    let mut lanes = [0.0; 4];
    let chunks = ws.chunks_exact(4);
    let tail = chunks.remainder();
    for c in chunks {
        for (m, w) in lanes.iter_mut().zip(c) {
            *m = sticky_max(*m, w.abs());
        }
    }
    tail.iter()
        .chain(&lanes)
        .fold(0.0, |m, w| sticky_max(m, w.abs()))
}

#[cfg(test)]
mod tests {
    use super::max_abs;

    #[test]
    fn max_abs_finds_the_largest_speed_and_keeps_nan() {
        assert_eq!(max_abs(&[1.0, -7.0, 3.0, 2.0, 0.5, -6.0, 4.0]), 7.0);
        assert_eq!(max_abs(&[1.0, 2.0, 3.0, 4.0, -9.0]), 9.0);
        assert!(max_abs(&[f64::NAN, 9.0, 1.0, 2.0, 3.0]).is_nan());
        assert!(max_abs(&[1.0, 9.0, 1.0, 2.0, f64::NAN]).is_nan());
        assert_eq!(max_abs(&[1.0, f64::NEG_INFINITY]), f64::INFINITY);
        assert_eq!(max_abs(&[]), 0.0);
    }
}
