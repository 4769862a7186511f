//! Reflow, the step of rectified flow (Liu, Gong and Liu 2023, "Flow straight and fast"): pair each
//! noise point x0 with the point x̂1 = φ_1(x0) that the current model's ODE carries it to, and train
//! again on the pairs (x0, x̂1).
//!
//! The pairs are a deterministic coupling of N(0, I) with the model's own samples, so the lines
//! between them cross less than independent pairs do; the retrained flow is straighter (Liu et al.,
//! Theorem 3.6: reflow does not increase any convex transport cost, and its straightness measure
//! S = ∫ E‖(x̂1 − x0) − v(x_t, t)‖² dt → 0 as reflow repeats), so fewer steps integrate it well.
//! The price: the pairs cost one ODE solve per point (here RK4 over [0, t_end]), and the new flow
//! carries N(0, I) to the old model's samples, not to the data, so its errors are inherited.

use crate::field::VelocityField;
use crate::integrate::augmented::PositionsOde;
use crate::integrate::{Method, Solver, MAX_FIXED_STEPS};
use crate::random::fill_standard_normal;
use rand::{rngs::StdRng, Rng, SeedableRng};

/// Most pairs a reflow pool may hold.
pub const MAX_REFLOW_PAIRS: usize = 1 << 16;

/// A pool of (x0, x̂1) pairs drawn once from a model's ODE; training batches resample it.
#[derive(Clone, Debug, PartialEq)]
pub struct ReflowPairs {
    x0: Vec<f64>,
    x1: Vec<f64>,
}

impl ReflowPairs {
    /// `n` pairs (1..=[`MAX_REFLOW_PAIRS`]): x0 ~ N(0, I) from `seed`, x̂1 the RK4 solution of
    /// dx/dt = field(x, t) from 0 to `t_end` in (0, 1] with `steps` steps (1..=MAX_FIXED_STEPS).
    /// Fails if a solution is not finite.
    pub fn generate<F: VelocityField + ?Sized>(
        field: &mut F,
        n: usize,
        t_end: f64,
        steps: usize,
        seed: u64,
    ) -> Result<Self, String> {
        if !(1..=MAX_REFLOW_PAIRS).contains(&n) {
            return Err(format!(
                "reflow: pairs must be in 1..={MAX_REFLOW_PAIRS}, got {n}"
            ));
        }
        if !(t_end > 0.0 && t_end <= 1.0) {
            return Err(format!(
                "reflow: the end time must be in (0, 1], got {t_end}"
            ));
        }
        if !(1..=MAX_FIXED_STEPS).contains(&steps) {
            return Err(format!(
                "reflow: steps must be in 1..={MAX_FIXED_STEPS}, got {steps}"
            ));
        }
        let mut x0 = vec![0.0; 2 * n];
        fill_standard_normal(&mut StdRng::seed_from_u64(seed), &mut x0);
        let mut x1 = x0.clone();
        Solver::new(Method::Rk4 { steps })
            .and_then(|mut s| s.integrate(&mut PositionsOde::new(field), 0.0, t_end, &mut x1))
            .map_err(|e| format!("reflow: {e}"))?;
        if !x1.iter().all(|v| v.is_finite()) {
            return Err("reflow: the model's ODE gave a non-finite point; train it first".into());
        }
        Ok(Self { x0, x1 })
    }

    /// Number of pairs.
    pub fn len(&self) -> usize {
        self.x0.len() / 2
    }

    /// Whether the pool is empty (never, once generated).
    pub fn is_empty(&self) -> bool {
        self.x0.is_empty()
    }

    /// The noise points x0 (2n values).
    pub fn x0(&self) -> &[f64] {
        &self.x0
    }

    /// The model's images x̂1 of the noise points (2n values).
    pub fn x1(&self) -> &[f64] {
        &self.x1
    }

    /// Fills `x0` and `x1` (equal even lengths) with pairs drawn uniformly with replacement.
    pub fn draw<R: Rng + ?Sized>(&self, rng: &mut R, x0: &mut [f64], x1: &mut [f64]) {
        assert_eq!(
            x0.len(),
            x1.len(),
            "ReflowPairs::draw: buffers differ in length"
        );
        for (a, b) in x0.chunks_exact_mut(2).zip(x1.chunks_exact_mut(2)) {
            let i = rng.random_range(0..self.len());
            a.copy_from_slice(&self.x0[2 * i..2 * i + 2]);
            b.copy_from_slice(&self.x1[2 * i..2 * i + 2]);
        }
    }
}

/// A model that reflows itself: `after` steps on the target, then a pool of `pairs` pairs from its
/// own ODE (RK4, `steps` steps) and training on the pool from then on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReflowPlan {
    pub after: u64,
    pub pairs: usize,
    pub steps: usize,
}

impl Default for ReflowPlan {
    /// 2000 steps first (a usable M64 on the built-in targets), then 4096 pairs by RK4 with 20 steps.
    fn default() -> Self {
        Self {
            after: 2000,
            pairs: 4096,
            steps: 20,
        }
    }
}
