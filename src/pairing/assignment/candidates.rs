//! The sparse graph the exact search runs on: for each row, the columns of least reduced cost
//! c(i, j) - v_j, and the dense check that proves an assignment on it optimal for all n^2 pairs.
//!
//! An assignment optimal on a subset of the pairs is optimal on all of them when the duals of
//! the subset problem are feasible for the whole: with u_i = c(i, pi(i)) - v_pi(i), every pair
//! must have c(i, j) - v_j >= u_i (linear-programming duality: the duals then certify that no
//! permutation costs less). Jonker and Volgenant (1987, "A shortest augmenting path algorithm for
//! dense and sparse linear assignment problems", Computing 38) solve the sparse problem; rows
//! whose check fails get the violating columns and are solved again.

use super::NONE;

/// Most columns kept for a row (the least reduced costs win ties).
pub(super) const MAX_DEGREE: usize = 24;
/// Lanes of the scans for a row's least reduced cost.
const LANES: usize = 4;

/// Candidate columns per row, each with its cost (contiguous for the searches).
#[derive(Clone, Debug, Default)]
pub(super) struct Candidates {
    lists: Vec<Vec<(usize, f64)>>,
}

impl Candidates {
    /// The candidate columns of row `i`, with their costs.
    pub(super) fn of(&self, i: usize) -> &[(usize, f64)] {
        &self.lists[i]
    }

    /// Makes room for n lists.
    pub(super) fn reset(&mut self, n: usize) {
        self.lists.resize_with(n.max(self.lists.len()), Vec::new);
    }

    /// Makes every row's list complete (all n columns): the dense problem.
    pub(super) fn make_dense(&mut self, cost: &[f64], n: usize) {
        for (i, list) in self.lists[..n].iter_mut().enumerate() {
            list.clear();
            list.extend((0..n).map(|j| (j, cost[i * n + j])));
        }
    }

    /// Lists for row `i` (costs `costs`) the columns j with reduced cost
    /// `costs[j] - v[j] <= max(least + slack, at_least)`, at most [`MAX_DEGREE`] of them (the
    /// least), plus column `keep` unless it is [`NONE`].
    pub(super) fn build(
        &mut self,
        i: usize,
        costs: &[f64],
        v: &[f64],
        slack: f64,
        at_least: f64,
        keep: usize,
    ) {
        let v = &v[..costs.len()];
        let bound = (least_reduced(costs, v) + slack).max(at_least);
        let list = &mut self.lists[i];
        list.clear();
        list.extend(
            (0..costs.len())
                .filter(|&j| costs[j] - v[j] <= bound)
                .map(|j| (j, costs[j])),
        );
        if list.len() > MAX_DEGREE {
            let reduced = |j: usize| costs[j] - v[j];
            list.select_nth_unstable_by(MAX_DEGREE - 1, |&(a, _), &(b, _)| {
                reduced(a).total_cmp(&reduced(b)).then(a.cmp(&b))
            });
            list.truncate(MAX_DEGREE);
        }
        if keep != NONE && list.iter().all(|&(j, _)| j != keep) {
            list.push((keep, costs[keep]));
        }
    }
}

/// The least of `costs[j] - v[j]` over all columns.
pub(super) fn least_reduced(costs: &[f64], v: &[f64]) -> f64 {
    let v = &v[..costs.len()];
    let mut lanes = [f64::INFINITY; LANES];
    for (c, p) in costs.chunks_exact(LANES).zip(v.chunks_exact(LANES)) {
        for l in 0..LANES {
            let r = c[l] - p[l];
            lanes[l] = if r < lanes[l] { r } else { lanes[l] };
        }
    }
    let tail = costs.len() - costs.len() % LANES;
    let rest = costs[tail..].iter().zip(&v[tail..]).map(|(c, p)| c - p);
    lanes.into_iter().chain(rest).fold(f64::INFINITY, f64::min)
}
