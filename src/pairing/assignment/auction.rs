//! Column potentials by the auction algorithm with epsilon scaling (Bertsekas 1988, "The auction
//! algorithm: a distributed relaxation method for the assignment problem", Ann. Oper. Res. 14).
//!
//! With reduced costs c(i, j) - v_j, a free row i bids for its cheapest column j1: the potential
//! v_j1 is lowered by the gap to the second cheapest plus epsilon, and the row that held j1 (if
//! any) becomes free. When every row holds a column, each holds one within epsilon of its
//! cheapest (epsilon-complementary slackness), so the potentials are within epsilon of dual
//! feasibility for that assignment. Epsilon shrinks by [`SCALE_STEP`] per round, each round
//! starting from no assignment and the previous round's potentials.

use super::NONE;

/// Epsilon is divided by this from one auction round to the next.
const SCALE_STEP: f64 = 4.0;
/// Lanes of the scan for the two least reduced costs of a row (independent chains the compiler
/// turns into SIMD minima).
const LANES: usize = 4;

/// The auction's state: which column each row holds, and the rows still bidding.
#[derive(Clone, Debug, Default)]
pub(super) struct Auction {
    pub(super) col_of: Vec<usize>,
    row_of: Vec<usize>,
    free: Vec<usize>,
}

impl Auction {
    /// Lowers the potentials `v` by auction rounds with epsilon from `eps_first` down to
    /// `eps_last`, on the n x n row-major `cost`. Returns whether the last round assigned every
    /// row; `col_of` then holds its assignment.
    pub(super) fn dense(
        &mut self,
        cost: &[f64],
        v: &mut [f64],
        eps_first: f64,
        eps_last: f64,
    ) -> bool {
        let n = v.len();
        self.rounds(v, eps_first, eps_last, |row, v| {
            two_least(&cost[row * n..(row + 1) * n], v)
        })
    }

    /// Auction rounds, the bids priced by `two_least(row, v)` (the column of the least reduced
    /// cost, that least and the second least). A round also ends after n^2 bids, which bounds the
    /// work if epsilon falls below the rounding of a potential or the graph has no perfect
    /// matching.
    fn rounds(
        &mut self,
        v: &mut [f64],
        eps_first: f64,
        eps_last: f64,
        two_least: impl Fn(usize, &[f64]) -> (usize, f64, f64),
    ) -> bool {
        let n = v.len();
        let mut eps = eps_first.max(eps_last);
        loop {
            self.col_of.clear();
            self.col_of.resize(n, NONE);
            self.row_of.clear();
            self.row_of.resize(n, NONE);
            self.free.clear();
            self.free.extend((0..n).rev());
            let mut bids = 0;
            while let Some(row) = self.free.pop() {
                if bids == n * n {
                    self.free.push(row);
                    break;
                }
                let (best, first, second) = two_least(row, v);
                self.bid(row, best, second - first, v, eps);
                bids += 1;
            }
            if eps <= eps_last {
                return self.free.is_empty();
            }
            eps = (eps / SCALE_STEP).max(eps_last);
        }
    }

    /// The bid of `row` for column `best`, whose potential falls by `gap` (to the row's second
    /// best, ignored if infinite: a single column) plus `eps`; the column's previous row becomes
    /// free.
    fn bid(&mut self, row: usize, best: usize, gap: f64, v: &mut [f64], eps: f64) {
        v[best] -= if gap.is_finite() { gap } else { 0.0 } + eps;
        let evicted = self.row_of[best];
        if evicted != NONE {
            self.col_of[evicted] = NONE;
            self.free.push(evicted);
        }
        self.row_of[best] = row;
        self.col_of[row] = best;
    }
}

/// The column of the least `costs[j] - v[j]`, that least, and the second least (infinite if
/// n = 1). Ties go to the first column.
pub(super) fn two_least(costs: &[f64], v: &[f64]) -> (usize, f64, f64) {
    let v = &v[..costs.len()];
    let (mut first, mut second) = ([f64::INFINITY; LANES], [f64::INFINITY; LANES]);
    let mut at = [0; LANES];
    let chunks = costs.chunks_exact(LANES).zip(v.chunks_exact(LANES));
    for (k, (c, p)) in chunks.enumerate() {
        for l in 0..LANES {
            let r = c[l] - p[l];
            let below = r < first[l];
            let high = if below { first[l] } else { r };
            second[l] = if high < second[l] { high } else { second[l] };
            at[l] = if below { k * LANES + l } else { at[l] };
            first[l] = if below { r } else { first[l] };
        }
    }
    let tail = costs.len() - costs.len() % LANES;
    let (mut best, mut least, mut next) = (0, f64::INFINITY, f64::INFINITY);
    let lanes = (0..LANES).map(|l| (at[l], first[l], second[l]));
    let rest = (tail..costs.len()).map(|j| (j, costs[j] - v[j], f64::INFINITY));
    for (j, f, s) in lanes.chain(rest) {
        if f < least || (f == least && j < best) {
            next = least.min(s);
            (best, least) = (j, f);
        } else {
            next = next.min(f);
        }
    }
    (best, least, next)
}
