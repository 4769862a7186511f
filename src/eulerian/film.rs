//! The Eulerian view at many times from one run of the solver: its frames, kept so that a reader
//! can scrub t without recomputing anything.

use super::{EulerianGrid, FaceSource};

/// The most frames one film may record.
pub const MAX_FRAMES: usize = 1001;

/// The most cell values (frames × cells) one film may hold: 2^23, 32 MB of `f32`.
pub const MAX_FILM: usize = 1 << 23;

/// The density of a grid at each of `times`: frame k holds the N² cell averages at times[k]
/// (row-major, as [`EulerianGrid::density`]), with the mass in the box and the mass that has
/// left it by then.
#[derive(Clone, Debug, PartialEq)]
pub struct Film {
    pub times: Vec<f64>,
    pub density: Vec<f32>,
    pub mass: Vec<f64>,
    pub outflow: Vec<f64>,
}

impl Film {
    /// The cell averages of frame k.
    pub fn frame(&self, k: usize) -> &[f32] {
        let cells = self.density.len() / self.times.len();
        &self.density[k * cells..(k + 1) * cells]
    }
}

impl EulerianGrid {
    /// Starts again from p_0 = N(0, I) and records the density at each of `times` (1 ..=
    /// [`MAX_FRAMES`] of them, ascending, from 0), advancing with `source`. Errors as
    /// [`EulerianGrid::advance_with`], or on bad times; the grid stays at the last frame reached.
    pub fn film<S: FaceSource + ?Sized>(
        &mut self,
        source: &mut S,
        times: &[f64],
    ) -> Result<Film, String> {
        if !(1..=MAX_FRAMES).contains(&times.len()) {
            return Err(format!(
                "need 1 to {MAX_FRAMES} frame times, got {}",
                times.len()
            ));
        }
        let ascending = times.windows(2).all(|w| w[0] <= w[1]);
        if times.iter().any(|t| t.is_nan() || *t < 0.0) || !ascending {
            return Err("frame times must be ascending from t = 0 or later".to_string());
        }
        let cells = self.density.len();
        if times.len() * cells > MAX_FILM {
            return Err(format!(
                "{} frames of {cells} cells are more than {MAX_FILM} values: use fewer frames or \
                 cells",
                times.len()
            ));
        }
        self.reset();
        let mut density = Vec::new();
        density
            .try_reserve_exact(times.len() * cells)
            .map_err(|_| format!("not enough memory for {} frames", times.len()))?;
        let mut film = Film {
            times: times.to_vec(),
            density,
            mass: Vec::with_capacity(times.len()),
            outflow: Vec::with_capacity(times.len()),
        };
        for &t in times {
            self.advance_with(source, t)?;
            film.density.extend(self.density.iter().map(|&p| p as f32));
            film.mass.push(self.mass());
            film.outflow.push(self.outflow());
        }
        Ok(film)
    }
}
