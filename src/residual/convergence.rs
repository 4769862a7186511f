//! Residual flows with more and more steps next to the continuous flow they converge to (a slider).
//!
//! For each K the points x_0 ~ base are pushed through K residual steps, giving x_K and
//! log p_K(x_K) = log N(x_0) - Σ log|det(I + h du/dx)|. The limit is the ODE solution x_1 = φ_1(x_0)
//! with log p_1(x_1) = log N(x_0) - ∫_0^1 div u dt, integrated here by [`Solver`] on
//! [`DivergenceOde`].

use super::ResidualFlow;
use crate::density::standard_normal_log_density;
use crate::field::VelocityField;
use crate::integrate::augmented::{pack, Augmentation, Divergence, DivergenceOde};
use crate::integrate::{Method, Solver};

/// Final positions (2n values) and log-densities (n values) of one flow.
#[derive(Clone, Debug, PartialEq)]
pub struct Level {
    /// K, or 0 for the continuous flow.
    pub steps: usize,
    pub positions: Vec<f64>,
    pub log_density: Vec<f64>,
    /// Root-mean-square distance of the positions from the continuous flow's (0 for the latter).
    pub position_rms_error: f64,
    /// Mean |log p_K - log p_1| over the points (0 for the continuous flow; NaN if any folded).
    pub log_density_mean_error: f64,
    /// Points at which some step folded the plane (their log-density is NaN).
    pub folded: usize,
}

/// The residual levels, in the order asked for, and the continuous limit.
#[derive(Clone, Debug, PartialEq)]
pub struct Convergence {
    pub levels: Vec<Level>,
    pub exact: Level,
}

/// Pushes the base points `x0` (interleaved, 2n values, taken as samples of N(0, I)) through a
/// residual flow for every K in `steps`, and through the ODE with `method` (e.g. DOPRI5). A level
/// whose steps fold the plane at some points still has positions; its log-density error is NaN.
pub fn convergence<F: VelocityField + ?Sized>(
    field: &mut F,
    x0: &[f64],
    steps: &[usize],
    method: Method,
) -> Result<Convergence, String> {
    if x0.is_empty() || !x0.len().is_multiple_of(2) {
        return Err("residual convergence: need a non-empty batch of (x, y) points".into());
    }
    let n = x0.len() / 2;
    let base: Vec<f64> = x0
        .chunks_exact(2)
        .map(standard_normal_log_density)
        .collect();
    let mut state = vec![0.0; 3 * n];
    pack(x0, Divergence::INITIAL, &mut state).map_err(|e| e.to_string())?;
    let mut ode = DivergenceOde::new(field, Divergence);
    Solver::new(method)
        .and_then(|mut s| s.integrate(&mut ode, 0.0, 1.0, &mut state))
        .map_err(|e| e.to_string())?;
    let exact = Level {
        steps: 0,
        positions: state.chunks_exact(3).flat_map(|r| [r[0], r[1]]).collect(),
        log_density: state
            .chunks_exact(3)
            .zip(&base)
            .map(|(r, b)| b - r[2])
            .collect(),
        position_rms_error: 0.0,
        log_density_mean_error: 0.0,
        folded: 0,
    };
    let levels = steps
        .iter()
        .map(|&k| {
            let mut flow = ResidualFlow::new(k)?;
            let mut positions = x0.to_vec();
            let mut log_density = vec![0.0; n];
            let folded = flow.push(field, &mut positions, &mut log_density)?;
            for (l, b) in log_density.iter_mut().zip(&base) {
                *l = b - *l;
            }
            let sq: f64 = positions
                .iter()
                .zip(&exact.positions)
                .map(|(a, b)| (a - b).powi(2))
                .sum();
            let dl: f64 = log_density
                .iter()
                .zip(&exact.log_density)
                .map(|(a, b)| (a - b).abs())
                .sum();
            Ok(Level {
                steps: k,
                positions,
                log_density,
                position_rms_error: (sq / n as f64).sqrt(),
                log_density_mean_error: dl / n as f64,
                folded,
            })
        })
        .collect::<Result<_, String>>()?;
    Ok(Convergence { levels, exact })
}
