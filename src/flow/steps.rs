//! Steps against quality: the model sampled by one fixed-step scheme at several budgets of
//! function evaluations (NFE), each scored by the energy distance of its samples to held-out data
//! and by the held-out NLL computed with the same scheme and budget; and how straight the model's
//! paths are (mean length / chord on a fine RK4 solution).

use super::{Flow, MAX_POINTS};
use crate::density::log_density_with_budget;
use crate::integrate::augmented::PositionsOde;
use crate::integrate::{integrate_with_budget, Method, Scheme};
use crate::metrics::{energy_distance, length_over_chord};
use crate::random::fill_standard_normal;
use rand::rngs::StdRng;
use rand::SeedableRng;

/// Most points one study samples (and as many held-out points): the energy distance is O(n²).
pub const MAX_STEPS_POINTS: usize = 4096;
/// Most budgets in one study, and the largest budget.
pub const MAX_BUDGETS: usize = 16;
pub const MAX_NFE: usize = 1024;
/// Time frames of the reference paths and RK4 steps between t = 0 and 1 that trace them.
pub const PATH_FRAMES: usize = 33;
const PATH_STEPS: usize = 64;

/// One budget: `spent` evaluations (0 if the budget pays for no step of the scheme; then the
/// scores are NaN and there are no samples). A score whose integration diverged is NaN too.
#[derive(Clone, Debug, PartialEq)]
pub struct Budgeted {
    pub nfe: usize,
    pub spent: usize,
    pub samples: Vec<f64>,
    pub energy_distance: f64,
    pub nll: f64,
}

/// The rows of one scheme, the held-out data and, for the first `tracked` base points, their
/// reference paths (PATH_FRAMES rows) with the mean length / chord of all n paths.
#[derive(Clone, Debug, PartialEq)]
pub struct StepsStudy {
    pub rows: Vec<Budgeted>,
    pub data: Vec<f64>,
    pub paths: Vec<f64>,
    pub length_over_chord: f64,
}

impl Flow {
    /// `n` base points and `n` held-out target points from `seed`, then one row per budget of
    /// `nfes` for `scheme`.
    pub fn steps_study(
        &self,
        scheme: Scheme,
        nfes: &[usize],
        (n, tracked, seed): (usize, usize, u64),
    ) -> Result<StepsStudy, String> {
        if !(2..=MAX_STEPS_POINTS.min(MAX_POINTS)).contains(&n) || tracked > n {
            return Err(format!(
                "steps study: n must be in 2..={MAX_STEPS_POINTS} and tracked at most n, got {n}, {tracked}"
            ));
        }
        if nfes.is_empty() || nfes.len() > MAX_BUDGETS || nfes.iter().any(|&b| b > MAX_NFE) {
            return Err(format!(
                "steps study: give 1..={MAX_BUDGETS} budgets of at most {MAX_NFE} evaluations"
            ));
        }
        let mut rng = StdRng::seed_from_u64(seed);
        let mut base = vec![0.0; 2 * n];
        fill_standard_normal(&mut rng, &mut base);
        let mut data = vec![0.0; 2 * n];
        self.target().sample(&mut rng, &mut data);
        let rows = nfes
            .iter()
            .map(|&nfe| self.budgeted(scheme, nfe, &base, &data))
            .collect();
        let times: Vec<f64> = (0..PATH_FRAMES)
            .map(|k| k as f64 / (PATH_FRAMES - 1) as f64)
            .collect();
        let frames = self.trajectories(&base, &times, Method::Rk4 { steps: PATH_STEPS })?;
        let paths = frames
            .chunks_exact(2 * n)
            .flat_map(|row| &row[..2 * tracked])
            .copied()
            .collect();
        Ok(StepsStudy {
            rows,
            data,
            paths,
            length_over_chord: length_over_chord(&frames, n)?,
        })
    }

    fn budgeted(&self, scheme: Scheme, nfe: usize, base: &[f64], data: &[f64]) -> Budgeted {
        let mut row = Budgeted {
            nfe,
            spent: 0,
            samples: Vec::new(),
            energy_distance: f64::NAN,
            nll: f64::NAN,
        };
        if scheme.steps_for(nfe) == 0 {
            return row;
        }
        let mut field = self.field();
        let mut xs = base.to_vec();
        if let Ok(spent) = integrate_with_budget(
            scheme,
            &mut PositionsOde::new(&mut field),
            (0.0, 1.0),
            nfe,
            &mut xs,
        ) {
            row.spent = spent;
            row.energy_distance = energy_distance(&xs, data).unwrap_or(f64::NAN);
            row.samples = xs;
        }
        let mut log_q = vec![0.0; data.len() / 2];
        if log_density_with_budget(&mut field, 1.0, data, (scheme, nfe), &mut log_q).is_ok() {
            row.nll = -log_q.iter().sum::<f64>() / log_q.len() as f64;
        }
        row
    }
}
