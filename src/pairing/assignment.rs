//! Exact linear assignment: min over permutations pi of sum_i c(i, pi(i)).
//!
//! Two stages, both on column potentials v, with reduced costs c(i, j) - v_j:
//! 1. Prices by the auction algorithm with epsilon scaling (Bertsekas 1988, "The auction
//!    algorithm: a distributed relaxation method for the assignment problem", Ann. Oper. Res.
//!    14): free rows bid for their cheapest column, lowering its potential by the gap to their
//!    second cheapest plus epsilon; epsilon shrinks by [`SCALE_STEP`] per round, down to
//!    [`EPS_FINAL`] times the largest |cost| over n. This gives potentials close to optimal duals,
//!    but an assignment only within n epsilon of optimal.
//! 2. Exactness from the shortest augmenting paths of Jonker and Volgenant (1987, "A shortest
//!    augmenting path algorithm for dense and sparse linear assignment problems", Computing 38;
//!    the augmentation of LAPJV): starting from no assignment and those potentials, each row in
//!    turn is matched by a Dijkstra search on reduced costs that settles all columns at the
//!    least distance at once; the potentials of settled columns are lowered so that every
//!    assigned row keeps a column of least reduced cost (complementary slackness), so the
//!    complete assignment is optimal, whatever the potentials it started from.
//!
//! Good starting potentials make the searches short (examples/bench_coupling.rs measures the
//! cost in training). Worst case O(n^3). Costs must be finite; the result
//! is optimal up to floating-point rounding (tested against brute force and the Hungarian method).

/// Marks an unassigned row or column.
const NONE: usize = usize::MAX;
/// The auction's last epsilon, as a fraction of max |c| / n.
const EPS_FINAL: f64 = 0.3;
/// Epsilon is divided by this from one auction round to the next.
const SCALE_STEP: f64 = 4.0;

/// A reusable solver: its buffers grow to the largest n seen and are then reused.
#[derive(Clone, Debug, Default)]
pub struct Assignment {
    /// col_of[i]: the column of row i; row_of[j]: the row of column j (NONE = free).
    col_of: Vec<usize>,
    row_of: Vec<usize>,
    /// Column potentials.
    v: Vec<f64>,
    /// Rows still to assign.
    free: Vec<usize>,
    /// Columns of the shortest-path search, ordered: settled | to scan | to do.
    cols: Vec<usize>,
    /// Shortest reduced distance to each column, and the row it was reached from.
    dist: Vec<f64>,
    pred: Vec<usize>,
}

impl Assignment {
    /// A solver with buffers for `n` rows and columns.
    pub fn with_capacity(n: usize) -> Self {
        let mut solver = Self::default();
        solver.reset(n);
        solver
    }

    fn reset(&mut self, n: usize) {
        for buf in [&mut self.col_of, &mut self.row_of, &mut self.pred] {
            buf.clear();
            buf.resize(n, NONE);
        }
        for buf in [&mut self.v, &mut self.dist] {
            buf.clear();
            buf.resize(n, f64::INFINITY);
        }
        self.free.clear();
        self.cols.clear();
        self.cols.extend(0..n);
    }

    /// Writes the optimal permutation, `perm[i]` = column of row i, for the n x n cost
    /// `cost(i, j)` with n = `perm.len()`, and returns the optimal total cost.
    /// Costs must be finite.
    pub fn solve(&mut self, cost: impl Fn(usize, usize) -> f64, perm: &mut [usize]) -> f64 {
        let n = perm.len();
        self.reset(n);
        if n == 0 {
            return 0.0;
        }
        self.price_by_auction(&cost);
        self.col_of.fill(NONE);
        self.row_of.fill(NONE);
        for row in 0..n {
            self.augment(row, &cost);
        }
        perm.copy_from_slice(&self.col_of);
        perm.iter().enumerate().map(|(i, &j)| cost(i, j)).sum()
    }

    /// Stage 1: potentials from an epsilon-scaled auction (the assignment it ends with is
    /// discarded). All costs zero: nothing to price.
    fn price_by_auction(&mut self, cost: &impl Fn(usize, usize) -> f64) {
        let n = self.v.len();
        self.v.fill(0.0);
        let scale = (0..n * n)
            .map(|k| cost(k / n, k % n).abs())
            .fold(0.0, f64::max);
        if scale == 0.0 {
            return;
        }
        // The potentials are only a warm start (stage 2 is exact from any), so a round also ends
        // after n^2 bids: bounded work even if eps fell below the rounding of a potential.
        let last = scale * EPS_FINAL / n as f64;
        let mut eps = scale / 4.0;
        loop {
            self.col_of.fill(NONE);
            self.row_of.fill(NONE);
            self.free.clear();
            self.free.extend((0..n).rev());
            let mut bids = 0;
            while let Some(row) = self.free.pop() {
                if bids == n * n {
                    break;
                }
                self.bid(row, eps, cost);
                bids += 1;
            }
            if eps <= last {
                break;
            }
            eps = (eps / SCALE_STEP).max(last);
        }
    }

    /// One bid of `row` for its cheapest column; the column's previous row becomes free.
    fn bid(&mut self, row: usize, eps: f64, cost: &impl Fn(usize, usize) -> f64) {
        let (mut best, mut first, mut second) = (0, f64::INFINITY, f64::INFINITY);
        for (j, v) in self.v.iter().enumerate() {
            let reduced = cost(row, j) - v;
            if reduced < second {
                if reduced < first {
                    (second, first, best) = (first, reduced, j);
                } else {
                    second = reduced;
                }
            }
        }
        let gap = if second.is_finite() {
            second - first
        } else {
            0.0
        };
        self.v[best] -= gap + eps;
        let evicted = self.row_of[best];
        if evicted != NONE {
            self.col_of[evicted] = NONE;
            self.free.push(evicted);
        }
        self.row_of[best] = row;
        self.col_of[row] = best;
    }

    /// Stage 2 for one free row: the shortest augmenting path, then the flip along it.
    fn augment(&mut self, start: usize, cost: &impl Fn(usize, usize) -> f64) {
        let mut j = self.shortest_path(start, cost);
        loop {
            let i = self.pred[j];
            self.row_of[j] = i;
            std::mem::swap(&mut j, &mut self.col_of[i]);
            if i == start {
                break;
            }
        }
    }

    /// Dijkstra from `start` on reduced costs; returns the free column reached, having lowered the
    /// potentials of the settled columns so that reduced costs stay consistent.
    fn shortest_path(&mut self, start: usize, cost: &impl Fn(usize, usize) -> f64) -> usize {
        let n = self.v.len();
        for j in 0..n {
            self.cols[j] = j;
            self.pred[j] = start;
            self.dist[j] = cost(start, j) - self.v[j];
        }
        let (mut lo, mut hi, mut settled) = (0, 0, 0);
        let mut end = NONE;
        while end == NONE {
            if lo == hi {
                settled = lo;
                hi = self.gather_nearest(lo);
                end = self.cols[lo..hi]
                    .iter()
                    .copied()
                    .find(|&j| self.row_of[j] == NONE)
                    .unwrap_or(NONE);
            }
            if end == NONE {
                end = self.scan(&mut lo, &mut hi, cost);
            }
        }
        let nearest = self.dist[self.cols[lo]];
        for &j in &self.cols[..settled] {
            self.v[j] += self.dist[j] - nearest;
        }
        end
    }

    /// Moves the columns of least distance among cols[lo..] to cols[lo..hi]; returns hi.
    fn gather_nearest(&mut self, lo: usize) -> usize {
        let mut hi = lo + 1;
        let mut nearest = self.dist[self.cols[lo]];
        let first = hi;
        for k in first..self.cols.len() {
            let j = self.cols[k];
            if self.dist[j] <= nearest {
                if self.dist[j] < nearest {
                    hi = lo;
                    nearest = self.dist[j];
                }
                self.cols.swap(k, hi);
                hi += 1;
            }
        }
        hi
    }

    /// Relaxes the distances from the rows of the columns in cols[lo..hi]; a column reached at
    /// the same least distance joins the scan list, or ends the search if it is free (returned).
    /// Otherwise returns NONE with lo = hi.
    fn scan(
        &mut self,
        lo_out: &mut usize,
        hi_out: &mut usize,
        cost: &impl Fn(usize, usize) -> f64,
    ) -> usize {
        let (mut lo, mut hi) = (*lo_out, *hi_out);
        let n = self.cols.len();
        while lo != hi {
            let j = self.cols[lo];
            lo += 1;
            let i = self.row_of[j];
            let nearest = self.dist[j];
            let h = cost(i, j) - self.v[j] - nearest;
            let first = hi;
            for k in first..n {
                let j = self.cols[k];
                let reduced = cost(i, j) - self.v[j] - h;
                if reduced < self.dist[j] {
                    self.dist[j] = reduced;
                    self.pred[j] = i;
                    if reduced == nearest {
                        if self.row_of[j] == NONE {
                            return j;
                        }
                        self.cols.swap(k, hi);
                        hi += 1;
                    }
                }
            }
        }
        (*lo_out, *hi_out) = (lo, hi);
        NONE
    }
}
