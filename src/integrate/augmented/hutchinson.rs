//! Positions and a Hutchinson ESTIMATE of the log-density change:
//! d/dt [x, l] = [v, eps^T (dv/dx) eps] with one fixed random probe eps per point.
//!
//! E[eps eps^T] = I makes E[eps^T M eps] = tr M = div v, so l is an unbiased estimate of
//! ∫ div v ds, not its value: it has variance. For Rademacher probes (entries ±1),
//! eps^T M eps = tr M + (M12 + M21) e1 e2, exact when M is diagonal; Gaussian probes add
//! variance 2 ||sym M||_F^2 even then. In 2D the exact trace is as cheap: this exists to teach.

use super::FieldScratch;
use crate::field::VelocityField;
use crate::integrate::Ode;
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

/// Record per point: `[x, y, l]`; `probes` holds one 2D probe per point (interleaved).
pub struct HutchinsonOde<'a, F: VelocityField + ?Sized> {
    field: &'a mut F,
    probes: &'a [f64],
    scratch: FieldScratch,
}

impl<'a, F: VelocityField + ?Sized> HutchinsonOde<'a, F> {
    pub const STRIDE: usize = 3;

    /// `probes.len()` should be twice the number of points; points without a probe get l' = 0.
    pub fn new(field: &'a mut F, probes: &'a [f64]) -> Self {
        Self::with_scratch(field, probes, FieldScratch::default())
    }

    /// Reuses buffers from an earlier ODE (see [`HutchinsonOde::into_scratch`]).
    pub fn with_scratch(field: &'a mut F, probes: &'a [f64], scratch: FieldScratch) -> Self {
        Self {
            field,
            probes,
            scratch,
        }
    }

    pub fn into_scratch(self) -> FieldScratch {
        self.scratch
    }
}

impl<F: VelocityField + ?Sized> Ode for HutchinsonOde<'_, F> {
    fn derivative(&mut self, t: f64, y: &[f64], dy: &mut [f64]) {
        self.scratch.evaluate(self.field, t, y, Self::STRIDE);
        let mut probes = self.probes.chunks_exact(2);
        for (d, (v, m)) in dy
            .chunks_exact_mut(Self::STRIDE)
            .zip(self.scratch.per_point())
        {
            let e = probes.next().unwrap_or(&[0.0, 0.0]);
            d[0] = v[0];
            d[1] = v[1];
            d[2] = e[0] * (m[0] * e[0] + m[1] * e[1]) + e[1] * (m[2] * e[0] + m[3] * e[1]);
        }
    }
}
