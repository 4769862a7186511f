//! The notebook's ODE-as-SDE figure: the same noise carried to 8 Gaussians along the linear path by
//! the exact marginal field's ODE and by its SDEs with several ε, recorded at evenly spaced times,
//! with the exact moments of p_t at those times.

use super::comparison::{MAX_SDE_POINTS, MAX_SDE_RECORDED, MAX_SDE_STEPS, MAX_SDE_WORK};
use super::{flow_sde, LinearMixture};
use crate::integrate::augmented::PositionsOde;
use crate::integrate::{Method, Solver};
use rand::{rngs::StdRng, SeedableRng};

/// Most SDEs in one request, and the largest ε accepted.
pub const MAX_EPSILONS: usize = 4;
pub const MAX_EPSILON: f64 = 4.0;

/// `ode` and each of `sdes` hold one row of 2n values per time of `times`; `exact` holds the exact
/// [mean x, mean y, var x, cov xy, var y] of p_t per time.
#[derive(Debug)]
pub struct Reread {
    pub times: Vec<f64>,
    pub ode: Vec<f64>,
    pub sdes: Vec<Vec<f64>>,
    pub exact: Vec<f64>,
}

/// n samples of N(0, I) at t = 0 carried to t = 1 by RK4 on the ODE and by Euler-Maruyama on the
/// SDE of each ε (one seed for the start, another for each SDE's noise), `steps` steps each,
/// recorded at `frames` times k / (frames - 1). Limits: n <= [`MAX_SDE_POINTS`], steps <=
/// [`MAX_SDE_STEPS`], 1..=[`MAX_EPSILONS`] values of ε in [0, [`MAX_EPSILON`]], n x steps x
/// (1 + #ε) <= [`MAX_SDE_WORK`], 2 <= frames with n x frames x (1 + #ε) <= [`MAX_SDE_RECORDED`].
pub fn ode_and_sdes(
    n: u32,
    seed: u32,
    steps: u32,
    frames: usize,
    epsilons: &[f64],
) -> Result<Reread, String> {
    let (n, steps, runs) = (n as usize, steps as usize, 1 + epsilons.len());
    if n == 0 || n > MAX_SDE_POINTS as usize {
        return Err(format!("n must be in 1..={MAX_SDE_POINTS}, got {n}"));
    }
    if steps == 0 || steps > MAX_SDE_STEPS as usize {
        return Err(format!("steps must be in 1..={MAX_SDE_STEPS}, got {steps}"));
    }
    if epsilons.is_empty() || epsilons.len() > MAX_EPSILONS {
        return Err(format!(
            "need 1..={MAX_EPSILONS} values of ε, got {}",
            epsilons.len()
        ));
    }
    if let Some(e) = epsilons.iter().find(|e| !(0.0..=MAX_EPSILON).contains(*e)) {
        return Err(format!("each ε must be in [0, {MAX_EPSILON}], got {e}"));
    }
    if n * steps * runs > MAX_SDE_WORK {
        return Err(format!(
            "n * steps * (1 + #ε) must be at most {MAX_SDE_WORK}, got {n} x {steps} x {runs}"
        ));
    }
    if frames < 2 || n * frames * runs > MAX_SDE_RECORDED {
        return Err(format!(
            "frames must be >= 2 with n * frames * (1 + #ε) <= {MAX_SDE_RECORDED}, got {frames} frames of {n} points x {runs}"
        ));
    }
    let mut model = LinearMixture::eight_gaussians();
    let times: Vec<f64> = (0..frames)
        .map(|k| k as f64 / (frames - 1) as f64)
        .collect();
    let mut start = vec![0.0; 2 * n];
    model.sample(0.0, &mut StdRng::seed_from_u64(seed.into()), &mut start);
    let mut x = start.clone();
    let mut ode = vec![0.0; frames * 2 * n];
    let mut solver = Solver::new(Method::Rk4 { steps }).map_err(|e| e.to_string())?;
    solver
        .trajectory(
            &mut PositionsOde::new(&mut model),
            0.0,
            &mut x,
            &times,
            &mut ode,
        )
        .map_err(|e| e.to_string())?;
    let mut sdes = Vec::with_capacity(epsilons.len());
    for (k, &epsilon) in epsilons.iter().enumerate() {
        let mut x = start.clone();
        let noise = u64::from(seed) + 1 + k as u64;
        sdes.push(flow_sde(
            &mut model, epsilon, &mut x, 0.0, &times, steps, noise,
        )?);
    }
    let exact = times
        .iter()
        .flat_map(|&t| {
            let m = model.moments(t);
            [m.mean[0], m.mean[1], m.cov[0], m.cov[1], m.cov[2]]
        })
        .collect();
    Ok(Reread {
        times,
        ode,
        sdes,
        exact,
    })
}
