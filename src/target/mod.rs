//! Two-dimensional target distributions: the data a flow learns to generate.
//!
//! The named data sets follow FFJORD's `lib/toy_data.py` (Grathwohl et al. 2019) exactly in
//! scaling and noise; each file states its recipe. Where FFJORD spaces points evenly inside a
//! batch (moons, circles, rings), we draw the same distribution i.i.d. Densities are known in
//! closed form for "8gaussians" (a Gaussian mixture) and "checkerboard" (uniform on 8 squares).

pub mod checkerboard;
pub mod gaussians;
pub mod moons;
pub mod pinwheel;
pub mod points;
pub mod rings;
pub mod spirals;
pub mod swissroll;
#[cfg(test)]
mod tests;

pub use points::Points;
use rand::Rng;

/// A data distribution on the plane.
#[derive(Clone, Debug, PartialEq)]
pub enum Target {
    EightGaussians,
    Moons,
    Checkerboard,
    Pinwheel,
    TwoSpirals,
    Circles,
    Rings,
    SwissRoll,
    /// A user-supplied point set, sampled by the bootstrap.
    Points(Points),
}

/// The FFJORD names of the built-in data sets, in [`Target::from_name`]'s spelling.
pub const NAMES: [&str; 8] = [
    "8gaussians",
    "moons",
    "checkerboard",
    "pinwheel",
    "2spirals",
    "circles",
    "rings",
    "swissroll",
];

/// Plot and grid box `[x_min, x_max, y_min, y_max]` shared by the built-in data sets.
const BUILTIN_BOUNDS: [f64; 4] = [-4.5, 4.5, -4.5, 4.5];

impl Target {
    /// The built-in target with FFJORD's name (see [`NAMES`]).
    pub fn from_name(name: &str) -> Result<Self, String> {
        use Target::*;
        let all = [
            EightGaussians,
            Moons,
            Checkerboard,
            Pinwheel,
            TwoSpirals,
            Circles,
            Rings,
            SwissRoll,
        ];
        all.into_iter()
            .find(|t| t.name() == name)
            .ok_or_else(|| format!("unknown target {name:?}; expected one of {NAMES:?}"))
    }

    /// FFJORD's name, or "points" for a user point set.
    pub fn name(&self) -> &'static str {
        match self {
            Target::EightGaussians => NAMES[0],
            Target::Moons => NAMES[1],
            Target::Checkerboard => NAMES[2],
            Target::Pinwheel => NAMES[3],
            Target::TwoSpirals => NAMES[4],
            Target::Circles => NAMES[5],
            Target::Rings => NAMES[6],
            Target::SwissRoll => NAMES[7],
            Target::Points(_) => "points",
        }
    }

    /// Draws one point.
    pub fn draw<R: Rng + ?Sized>(&self, rng: &mut R) -> [f64; 2] {
        match self {
            Target::EightGaussians => gaussians::draw(rng),
            Target::Moons => moons::draw(rng),
            Target::Checkerboard => checkerboard::draw(rng),
            Target::Pinwheel => pinwheel::draw(rng),
            Target::TwoSpirals => spirals::draw(rng),
            Target::Circles => rings::CIRCLES.draw(rng),
            Target::Rings => rings::RINGS.draw(rng),
            Target::SwissRoll => swissroll::draw(rng),
            Target::Points(points) => points.draw(rng),
        }
    }

    /// Fills `out` (length 2n, interleaved) with n independent samples.
    /// A trailing odd coordinate, if any, is left untouched.
    pub fn sample<R: Rng + ?Sized>(&self, rng: &mut R, out: &mut [f64]) {
        for p in out.chunks_exact_mut(2) {
            p.copy_from_slice(&self.draw(rng));
        }
    }

    /// log p(x) where the density is known in closed form (-inf outside the support), else None.
    pub fn log_density(&self, x: [f64; 2]) -> Option<f64> {
        match self {
            Target::EightGaussians => Some(gaussians::log_density(x)),
            Target::Checkerboard => Some(checkerboard::log_density(x)),
            _ => None,
        }
    }

    /// Differential entropy -E[log p] in nats where the density is known, else None.
    /// "8gaussians" costs a quadrature of about 10^5 density evaluations (about a millisecond).
    pub fn entropy(&self) -> Option<f64> {
        match self {
            Target::EightGaussians => Some(gaussians::entropy()),
            Target::Checkerboard => Some(checkerboard::entropy()),
            _ => None,
        }
    }

    /// A fixed box `[x_min, x_max, y_min, y_max]` for plots and density grids.
    pub fn bounds(&self) -> [f64; 4] {
        match self {
            Target::Points(points) => points.bounds(),
            _ => BUILTIN_BOUNDS,
        }
    }
}
