//! The 1D panel of the change-of-variables figure: N(0, 1) pushed to Gamma(k, θ) by
//! φ = F_Γ^{-1} ∘ Φ, with p_1(y) = p_0(x) / φ'(x), x = φ^{-1}(y), next to the closed-form f_Γ(y).

use super::normal_cdf::normal_log_pdf;
use super::pushforward::MAX_LINES;
use super::{log_density_1d, pushed_grid_1d, GaussianToGamma};
use crate::random::fill_standard_normal;
use rand::{rngs::StdRng, SeedableRng};
use serde::Deserialize;

/// Largest accepted number of grid points or samples: the one policy for points.
use crate::budget::MAX_POINTS as MAX_VALUES;
/// Largest accepted shape: beyond it the Gamma quantile's iteration gets slow (and the figure's
/// slider stops at 10).
pub const MAX_SHAPE: f64 = 100.0;
/// Cells of the mass quadrature; beyond φ(MASS_EDGE) the Gamma tail is below 1e-15.
const MASS_CELLS: usize = 4000;
const MASS_EDGE: f64 = 8.0;

/// `{ points, samples, seed, ticks, tick_range }`: the y grid of the curves, the pushed samples,
/// and `ticks` equally spaced x in [-tick_range, tick_range] whose images show the stretching.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct LineOptions {
    pub points: usize,
    pub samples: usize,
    pub seed: u64,
    pub ticks: usize,
    pub tick_range: f64,
}

impl Default for LineOptions {
    fn default() -> Self {
        Self {
            points: 400,
            samples: 10_000,
            seed: 0,
            ticks: 11,
            tick_range: 2.5,
        }
    }
}

/// Everything the 1D panel draws and reads out.
pub struct LinePanel {
    /// x on [-(tick_range + 1), tick_range + 1] and p_0(x) there.
    pub x: Vec<f64>,
    pub source: Vec<f64>,
    /// Cell midpoints of the window [0, φ(tick_range)], p_1 there by the formula, and f_Γ.
    pub y: Vec<f64>,
    pub pushed: Vec<f64>,
    pub gamma: Vec<f64>,
    pub max_abs_diff: f64,
    /// ∫ p_1 dy over [0, φ(8)] by the midpoint rule in s with y = φ(8) s^q, q = max(2, 2/k): near 0
    /// p_1 ~ y^{k-1}, so the integrand p_1(y) dy/ds ~ s^{qk-1} stays bounded (qk - 1 >= 1) for every k.
    pub mass: f64,
    pub ticks_x: Vec<f64>,
    pub ticks_y: Vec<f64>,
    /// φ of `samples` draws of N(0, 1).
    pub samples: Vec<f64>,
    /// kθ and kθ².
    pub mean: f64,
    pub variance: f64,
}

fn check(o: &LineOptions) -> Result<(), String> {
    if !(2..=MAX_VALUES).contains(&o.points) || !(1..=MAX_VALUES).contains(&o.samples) {
        return Err(format!(
            "points must be in 2..={MAX_VALUES} and samples in 1..={MAX_VALUES}, got {}, {}",
            o.points, o.samples
        ));
    }
    if !(2..=MAX_LINES).contains(&o.ticks) || !(0.1..=6.0).contains(&o.tick_range) {
        return Err(format!(
            "ticks must be in 2..={MAX_LINES} and tick_range in [0.1, 6], got {}, {}",
            o.ticks, o.tick_range
        ));
    }
    Ok(())
}

/// exp of `log_density_1d` at `ys`.
fn pushed_density(map: &GaussianToGamma, ys: &[f64]) -> Result<Vec<f64>, String> {
    let mut out = vec![0.0; ys.len()];
    log_density_1d(map, ys, &mut out)?;
    Ok(out.into_iter().map(f64::exp).collect())
}

/// The 1D panel for shape k and scale θ (see [`GaussianToGamma::new`] for their ranges).
pub fn line_panel(shape: f64, scale: f64, o: &LineOptions) -> Result<LinePanel, String> {
    check(o)?;
    if shape > MAX_SHAPE {
        return Err(format!("shape must be at most {MAX_SHAPE}, got {shape}"));
    }
    let gamma = GaussianToGamma::new(shape, scale)?;
    let n = o.points;
    let half = o.tick_range + 1.0;
    let x: Vec<f64> = (0..n)
        .map(|i| -half + 2.0 * half * i as f64 / (n - 1) as f64)
        .collect();
    let source = x.iter().map(|&v| normal_log_pdf(v).exp()).collect();
    let top = gamma.forward(o.tick_range);
    let y: Vec<f64> = (0..n).map(|i| top * (i as f64 + 0.5) / n as f64).collect();
    let pushed = pushed_density(&gamma, &y)?;
    let closed: Vec<f64> = y.iter().map(|&v| gamma.gamma_log_pdf(v).exp()).collect();
    let max_abs_diff = pushed
        .iter()
        .zip(&closed)
        .map(|(a, b)| (a - b).abs())
        .fold(0.0, f64::max);
    let edge = gamma.forward(MASS_EDGE);
    let ds = 1.0 / MASS_CELLS as f64;
    let s: Vec<f64> = (0..MASS_CELLS).map(|i| (i as f64 + 0.5) * ds).collect();
    let q = (2.0 / shape).max(2.0);
    let ys: Vec<f64> = s.iter().map(|v| edge * v.powf(q)).collect();
    let mass = pushed_density(&gamma, &ys)?
        .iter()
        .zip(&s)
        .map(|(p, v)| p * q * edge * v.powf(q - 1.0) * ds)
        .sum();
    let ticks_x = (0..o.ticks)
        .map(|i| -o.tick_range + 2.0 * o.tick_range * i as f64 / (o.ticks - 1) as f64)
        .collect();
    let ticks_y = pushed_grid_1d(&gamma, [-o.tick_range, o.tick_range], o.ticks)?;
    let mut samples = vec![0.0; o.samples];
    fill_standard_normal(&mut StdRng::seed_from_u64(o.seed), &mut samples);
    samples.iter_mut().for_each(|v| *v = gamma.forward(*v));
    let (mean, variance) = gamma.moments();
    Ok(LinePanel {
        x,
        source,
        y,
        pushed,
        gamma: closed,
        max_abs_diff,
        mass,
        ticks_x,
        ticks_y,
        samples,
        mean,
        variance,
    })
}
