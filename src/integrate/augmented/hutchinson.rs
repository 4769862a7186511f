//! Positions and a Hutchinson ESTIMATE of the log-density change:
//! d/dt [x, l] = [v, eps^T (dv/dx) eps] with one fixed random probe eps per point.
//!
//! E[eps eps^T] = I makes E[eps^T M eps] = tr M = div v, so l is an unbiased estimate of
//! ∫ div v ds, not its value: it has variance. For Rademacher probes (entries ±1),
//! eps^T M eps = tr M + (M12 + M21) e1 e2, exact when M is diagonal; Gaussian probes add
//! variance 2 ||sym M||_F^2 even then. In 2D the exact trace is as cheap: this exists to teach.

use super::{Augmentation, AugmentedOde};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// The distribution of the probe vectors.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Probe {
    /// Independent ±1 entries.
    Rademacher,
    /// Independent standard normal entries.
    Gaussian,
}

/// Fills `out` with probe entries drawn from a generator seeded with `seed` (StdRng, so the
/// same seed gives the same probes natively and in WebAssembly).
pub fn fill_probes(probe: Probe, seed: u64, out: &mut [f64]) {
    let mut rng = StdRng::seed_from_u64(seed);
    match probe {
        Probe::Rademacher => out
            .iter_mut()
            .for_each(|e| *e = if rng.random::<bool>() { 1.0 } else { -1.0 }),
        Probe::Gaussian => {
            // Box-Muller: two uniforms give two independent normals.
            for pair in out.chunks_mut(2) {
                let u1: f64 = 1.0 - rng.random::<f64>();
                let u2: f64 = rng.random();
                let r = (-2.0 * u1.ln()).sqrt();
                let angle = std::f64::consts::TAU * u2;
                pair[0] = r * angle.cos();
                if let Some(second) = pair.get_mut(1) {
                    *second = r * angle.sin();
                }
            }
        }
    }
}

/// The probe estimate eps_i^T (dv/dx) eps_i as the rate of l; record per point `[x, y, l]`.
/// `probes` holds one 2D probe per point (interleaved); a point without one gets rate 0.
#[derive(Clone, Copy, Debug)]
pub struct Hutchinson<'a> {
    pub probes: &'a [f64],
}

/// The flow ODE with a Hutchinson estimate of the log-density change.
pub type HutchinsonOde<'a, F> = AugmentedOde<'a, F, Hutchinson<'a>>;

impl Augmentation for Hutchinson<'_> {
    const INITIAL: &'static [f64] = &[0.0];

    fn rate(&self, i: usize, _record: &[f64], m: &[f64], d: &mut [f64]) {
        if let Some(e) = self.probes.get(2 * i..2 * i + 2) {
            d[0] = e[0] * (m[0] * e[0] + m[1] * e[1]) + e[1] * (m[2] * e[0] + m[3] * e[1]);
        } else {
            d[0] = 0.0;
        }
    }
}
