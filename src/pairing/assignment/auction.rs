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
const SCALE_STEP: f32 = 4.0;
/// Lanes of the scan for the two least reduced costs of a row (independent chains the compiler
/// turns into SIMD minima).
const LANES: usize = 8;

/// The auction's state: which column each row holds, the rows still bidding, and the costs and
/// potentials in single precision (the potentials are only a starting point, and twice as many
/// single-precision lanes fit a SIMD register).
#[derive(Clone, Debug, Default)]
pub(super) struct Auction {
    pub(super) col_of: Vec<usize>,
    row_of: Vec<usize>,
    free: Vec<usize>,
    cost: Vec<f32>,
    v: Vec<f32>,
}

impl Auction {
    /// Lowers the potentials `v` by auction rounds with epsilon from `eps_first` down to
    /// `eps_last`, on the n x n row-major `cost`. Returns whether the last round assigned every
    /// row; `col_of` then holds its assignment. A round also ends after n^2 bids, which bounds
    /// the work if epsilon falls below the rounding of a potential.
    pub(super) fn dense(
        &mut self,
        cost: &[f64],
        v: &mut [f64],
        eps_first: f64,
        eps_last: f64,
    ) -> bool {
        let n = v.len();
        self.cost.clear();
        self.cost.extend(cost.iter().map(|&c| c as f32));
        self.v.clear();
        self.v.extend(v.iter().map(|&p| p as f32));
        let (mut eps, eps_last) = (eps_first.max(eps_last) as f32, eps_last as f32);
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
                let (best, first, second) = two_least(&self.cost[row * n..(row + 1) * n], &self.v);
                self.bid(row, best, second - first, eps);
                bids += 1;
            }
            if eps <= eps_last {
                break;
            }
            eps = (eps / SCALE_STEP).max(eps_last);
        }
        for (p, &q) in v.iter_mut().zip(&self.v) {
            *p = f64::from(q);
        }
        self.free.is_empty()
    }

    /// The bid of `row` for column `best`, whose potential falls by `gap` (to the row's second
    /// best, ignored if infinite: a single column) plus `eps`; the column's previous row becomes
    /// free.
    fn bid(&mut self, row: usize, best: usize, gap: f32, eps: f32) {
        self.v[best] -= if gap.is_finite() { gap } else { 0.0 } + eps;
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
fn two_least(costs: &[f32], v: &[f32]) -> (usize, f32, f32) {
    let v = &v[..costs.len()];
    let (mut first, mut second) = ([f32::INFINITY; LANES], [f32::INFINITY; LANES]);
    let mut at = [0u32; LANES];
    let chunks = costs.chunks_exact(LANES).zip(v.chunks_exact(LANES));
    for (k, (c, p)) in (0u32..).zip(chunks) {
        for l in 0..LANES {
            let r = c[l] - p[l];
            let below = r < first[l];
            let high = if below { first[l] } else { r };
            second[l] = if high < second[l] { high } else { second[l] };
            at[l] = if below {
                k * LANES as u32 + l as u32
            } else {
                at[l]
            };
            first[l] = if below { r } else { first[l] };
        }
    }
    let tail = costs.len() - costs.len() % LANES;
    let (mut best, mut least, mut next) = (0, f32::INFINITY, f32::INFINITY);
    let lanes = (0..LANES).map(|l| (at[l] as usize, first[l], second[l]));
    let rest = (tail..costs.len()).map(|j| (j, costs[j] - v[j], f32::INFINITY));
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
