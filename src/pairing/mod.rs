//! Pairing noise with data in a minibatch (a coupling of the two, in the flow-matching papers' words):
//! which x0 goes with which x1. The page's option keeps the papers' name, `coupling`.
//!
//! Independent coupling keeps the pairs as drawn. Minibatch optimal transport (Tong et al. 2023;
//! Pooladian et al. 2023) re-pairs the batch by the permutation pi minimising
//! sum_i |x0_i - x1_pi(i)|^2, found exactly by [`Assignment`] (auction-warmed Jonker-Volgenant on
//! candidate pairs, checked against all pairs); paths then cross less and the flow is straighter.

pub mod assignment;
pub mod reflow;
#[cfg(test)]
mod tests;

pub use assignment::Assignment;
pub use reflow::{ReflowPairs, ReflowPlan};

/// Largest minibatch accepted for optimal-transport pairing (O(n^3) at worst; see
/// examples/bench_coupling.rs for the measured cost).
pub const MAX_OT_POINTS: usize = 2048;

/// How noise and data are paired.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pairing {
    Independent,
    OptimalTransport,
}

/// Pairs minibatches; allocate once per batch size and reuse.
#[derive(Clone, Debug)]
pub struct Coupler {
    coupling: Pairing,
    max_points: usize,
    solver: Assignment,
    perm: Vec<usize>,
    /// The n x n matrix of squared distances, row-major.
    cost: Vec<f64>,
}

impl Coupler {
    /// A coupler for batches of up to `max_points` points
    /// (1..=[`MAX_OT_POINTS`] for optimal transport, at least 1 otherwise).
    pub fn new(coupling: Pairing, max_points: usize) -> Result<Self, String> {
        let limit = match coupling {
            Pairing::Independent => usize::MAX,
            Pairing::OptimalTransport => MAX_OT_POINTS,
        };
        if max_points == 0 || max_points > limit {
            return Err(format!(
                "coupling: batch size must be in 1..={limit}, got {max_points}"
            ));
        }
        let ot = coupling == Pairing::OptimalTransport;
        Ok(Self {
            coupling,
            max_points,
            solver: Assignment::with_capacity(if ot { max_points } else { 0 }),
            perm: Vec::with_capacity(max_points),
            cost: Vec::new(),
        })
    }

    /// The pairing rule.
    pub fn coupling(&self) -> Pairing {
        self.coupling
    }

    /// Writes `x1_out[i] = x1[pi(i)]` so that (x0_i, x1_out_i) are the coupled pairs, and returns
    /// sum_i |x0_i - x1_out_i|^2. Slices are interleaved, of equal length 2n, n <= max_points
    /// (panics otherwise). If any coordinate is NaN or infinite, the identity pairing is kept.
    pub fn pair(&mut self, x0: &[f64], x1: &[f64], x1_out: &mut [f64]) -> f64 {
        let n = x0.len() / 2;
        assert!(
            x0.len() == 2 * n && x1.len() == 2 * n && x1_out.len() == 2 * n && n <= self.max_points,
            "Coupler::pair: need equal even lengths of at most 2 * {} coordinates",
            self.max_points
        );
        let sq = |i: usize, j: usize| {
            (x0[2 * i] - x1[2 * j]).powi(2) + (x0[2 * i + 1] - x1[2 * j + 1]).powi(2)
        };
        self.perm.clear();
        self.perm.extend(0..n);
        // The solver needs finite costs; non-finite points keep the identity pairing.
        let finite = x0.iter().chain(x1).all(|x| x.is_finite());
        if self.coupling == Pairing::OptimalTransport && finite {
            self.cost.clear();
            for p in x0.chunks_exact(2) {
                let row = x1.chunks_exact(2);
                self.cost
                    .extend(row.map(|q| (p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2)));
            }
            self.solver.solve(&self.cost, &mut self.perm);
        }
        let mut total = 0.0;
        for (i, &j) in self.perm.iter().enumerate() {
            x1_out[2 * i..2 * i + 2].copy_from_slice(&x1[2 * j..2 * j + 2]);
            total += sq(i, j);
        }
        total
    }

    /// The permutation pi of the last [`Coupler::pair`] call.
    pub fn permutation(&self) -> &[usize] {
        &self.perm
    }
}
