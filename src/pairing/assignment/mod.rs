//! Exact linear assignment: min over permutations pi of sum_i c(i, pi(i)), for a dense n x n
//! cost matrix.
//!
//! Three stages, all on column potentials v, with reduced costs c(i, j) - v_j:
//! 1. Prices by a coarse auction with epsilon scaling ([`auction`]), from max |c| / 4 down to
//!    max |c| / [`COARSEST`], in single precision: potentials near optimal duals, at a few scans
//!    of each row (they are only a start; stages 2 and 3 are exact in double precision).
//! 2. A sparse graph ([`candidates`]): for each row the columns of reduced cost within
//!    [`SLACK`] epsilons of its least (and the auction's column, so that the graph holds a
//!    perfect matching), and on it, starting from no assignment, the exact shortest augmenting
//!    paths of Jonker and Volgenant ([`paths`]).
//! 3. The dense dual check: the assignment is optimal on the sparse graph, and optimal on the
//!    full matrix when every reduced cost is at least its row's (to [`TOLERANCE`] times max |c|).
//!    Rows that fail are freed, get the columns that violate the check, and are matched again;
//!    after [`MAX_ROUNDS`] such rounds, or if the graph has no perfect matching, every row gets
//!    every column (the dense method, exact from any potentials).
//!
//! The result is optimal up to floating-point rounding (tested against brute force and the
//! Hungarian method). Worst case O(n^3 log n); examples/bench_assignment.rs measures it.

mod auction;
mod candidates;
mod paths;

use auction::Auction;
use candidates::{least_reduced, Candidates};
use paths::{Matching, Paths};

/// Marks an unassigned row or column.
const NONE: usize = usize::MAX;
/// The auction's last epsilon is max |c| divided by this.
const COARSEST: f64 = 1024.0;
/// A row's candidates are the columns within this many last epsilons of its least reduced cost.
const SLACK: f64 = 2.0;
/// Reduced costs below their row's by at most this times max |c| count as rounding.
const TOLERANCE: f64 = 64.0 * f64::EPSILON;
/// Rounds of the dense check before the dense method takes over.
const MAX_ROUNDS: usize = 8;

/// A reusable solver: its buffers grow to the largest n seen and are then reused.
#[derive(Clone, Debug, Default)]
pub struct Assignment {
    /// col_of[i]: the column of row i; row_of[j]: the row of column j (NONE = free).
    col_of: Vec<usize>,
    row_of: Vec<usize>,
    /// Column potentials.
    v: Vec<f64>,
    auction: Auction,
    graph: Candidates,
    paths: Paths,
    /// Rows to match.
    free: Vec<usize>,
}

impl Assignment {
    /// A solver with buffers for `n` rows and columns.
    pub fn with_capacity(n: usize) -> Self {
        let mut solver = Self::default();
        solver.reset(n);
        solver
    }

    fn reset(&mut self, n: usize) {
        for buf in [&mut self.col_of, &mut self.row_of] {
            buf.clear();
            buf.resize(n, NONE);
        }
        self.v.clear();
        self.v.resize(n, 0.0);
        self.graph.reset(n);
        self.paths.reset(n);
        self.free.clear();
    }

    /// Writes the optimal permutation, `perm[i]` = column of row i, for the n x n row-major
    /// matrix `cost` (`cost[i * n + j]` = c(i, j), n = `perm.len()`), and returns the optimal
    /// total cost. Costs must be finite.
    pub fn solve(&mut self, cost: &[f64], perm: &mut [usize]) -> f64 {
        let n = perm.len();
        assert_eq!(cost.len(), n * n, "Assignment::solve: need n * n costs");
        self.reset(n);
        let scale = cost.iter().fold(0.0, |m: f64, c| m.max(c.abs()));
        if scale == 0.0 {
            // All costs zero: every permutation is optimal.
            perm.iter_mut().enumerate().for_each(|(i, j)| *j = i);
            return 0.0;
        }
        let eps = scale / COARSEST;
        let complete = self.auction.dense(cost, &mut self.v, scale / 4.0, eps);
        self.build_graph(cost, SLACK * eps, complete);
        self.free.extend(0..n);
        let mut rounds = 0;
        while !self.free.is_empty() {
            if rounds == MAX_ROUNDS || !self.match_free(cost) {
                self.graph.make_dense(cost, n);
                self.col_of.fill(NONE);
                self.row_of.fill(NONE);
                self.free.clear();
                self.free.extend(0..n);
                assert!(
                    self.match_free(cost),
                    "a complete graph has a perfect matching"
                );
                break;
            }
            self.free_violators(cost, scale * TOLERANCE);
            rounds += 1;
        }
        perm.copy_from_slice(&self.col_of);
        perm.iter().enumerate().map(|(i, &j)| cost[i * n + j]).sum()
    }

    /// Lists each row's candidates within `slack` of its least reduced cost, with the
    /// auction's column if its last round was `complete`.
    fn build_graph(&mut self, cost: &[f64], slack: f64, complete: bool) {
        let n = self.v.len();
        for i in 0..n {
            let keep = if complete {
                self.auction.col_of[i]
            } else {
                NONE
            };
            let row = &cost[i * n..(i + 1) * n];
            self.graph
                .build(i, row, &self.v, slack, f64::NEG_INFINITY, keep);
        }
    }

    /// Matches the free rows on the graph; false if one has no augmenting path.
    fn match_free(&mut self, cost: &[f64]) -> bool {
        while let Some(&row) = self.free.last() {
            let matching = Matching {
                col_of: &mut self.col_of,
                row_of: &mut self.row_of,
            };
            if !self
                .paths
                .augment(row, cost, &self.graph, &mut self.v, matching)
            {
                return false;
            }
            self.free.pop();
        }
        true
    }

    /// The dense check: frees each row with a reduced cost below its own by more than `tol`,
    /// and gives it every such column (and the column it held).
    fn free_violators(&mut self, cost: &[f64], tol: f64) {
        let n = self.v.len();
        for i in 0..n {
            let row = &cost[i * n..(i + 1) * n];
            let held = self.col_of[i];
            let u = row[held] - self.v[held];
            if least_reduced(row, &self.v) < u - tol {
                self.graph.build(i, row, &self.v, 0.0, u, held);
                self.row_of[held] = NONE;
                self.col_of[i] = NONE;
                self.free.push(i);
            }
        }
    }
}
