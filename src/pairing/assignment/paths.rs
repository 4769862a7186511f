//! Shortest augmenting paths on the candidate graph (Jonker and Volgenant 1987, "A shortest
//! augmenting path algorithm for dense and sparse linear assignment problems", Computing 38; the
//! augmentation of LAPJV, here on sparse rows with a binary heap as in Dijkstra 1959).
//!
//! From a free row s, a column j reached through the alternating path s -> j1 -> row(j1) -> ...
//! -> j has length the sum of reduced costs c(i, k) - v_k - u_i, non-negative on the graph's
//! pairs, with u_i = c(i, pi(i)) - v_pi(i) for assigned rows and the least over its pairs for s.
//! Dijkstra's search stops at the first free column, at distance mu; lowering v_j by mu - d_j on
//! every settled column keeps the reduced costs non-negative and zero on the assigned pairs
//! (complementary slackness), so the assignment stays optimal for the rows matched so far.

use super::candidates::Candidates;
use super::NONE;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// The search's state, reset after each augmentation by visiting only the touched columns.
#[derive(Clone, Debug, Default)]
pub(super) struct Paths {
    /// Shortest distance found to each column (infinite: not reached), and its row on that path.
    dist: Vec<f64>,
    pred: Vec<usize>,
    /// Whether a column's distance is final.
    done: Vec<bool>,
    touched: Vec<usize>,
    /// Assigned columns whose distance is final, in order.
    settled: Vec<usize>,
    /// (distance bits, column is assigned, column): least first; at equal distances free
    /// columns first. Distances are non-negative, so their bits order like their values.
    heap: BinaryHeap<Reverse<(u64, bool, usize)>>,
}

/// The assignment being built: row -> column and column -> row ([`NONE`] = free).
pub(super) struct Matching<'a> {
    pub(super) col_of: &'a mut [usize],
    pub(super) row_of: &'a mut [usize],
}

impl Paths {
    /// Room for n columns, none reached.
    pub(super) fn reset(&mut self, n: usize) {
        self.dist.clear();
        self.dist.resize(n, f64::INFINITY);
        self.pred.resize(n, NONE);
        self.done.clear();
        self.done.resize(n, false);
    }

    /// Matches the free row `start` along a shortest augmenting path in `graph` and lowers the
    /// potentials `v` of the settled columns. Returns false, changing nothing, when no free
    /// column can be reached.
    pub(super) fn augment(
        &mut self,
        start: usize,
        cost: &[f64],
        graph: &Candidates,
        v: &mut [f64],
        m: Matching,
    ) -> bool {
        let n = v.len();
        let u = graph
            .of(start)
            .iter()
            .fold(f64::INFINITY, |u, &(j, c)| u.min(c - v[j]));
        for &(j, c) in graph.of(start) {
            self.reach(j, c - v[j] - u, start, m.row_of[j] != NONE);
        }
        let end = loop {
            let Some(Reverse((bits, _, j))) = self.heap.pop() else {
                break NONE;
            };
            let d = f64::from_bits(bits);
            if self.done[j] || d > self.dist[j] {
                continue;
            }
            self.done[j] = true;
            let i = m.row_of[j];
            if i == NONE {
                break j;
            }
            self.settled.push(j);
            let u = cost[i * n + j] - v[j];
            for &(k, c) in graph.of(i) {
                let to_k = d + (c - v[k] - u).max(0.0);
                if !self.done[k] && to_k < self.dist[k] {
                    self.reach(k, to_k, i, m.row_of[k] != NONE);
                }
            }
        };
        if end != NONE {
            let mu = self.dist[end];
            for &j in &self.settled {
                v[j] -= mu - self.dist[j];
            }
            let mut j = end;
            loop {
                let i = self.pred[j];
                m.row_of[j] = i;
                std::mem::swap(&mut j, &mut m.col_of[i]);
                if i == start {
                    break;
                }
            }
        }
        for &j in &self.touched {
            self.dist[j] = f64::INFINITY;
            self.done[j] = false;
        }
        self.touched.clear();
        self.settled.clear();
        self.heap.clear();
        end != NONE
    }

    /// Column `j` reached at distance `d` from row `i`.
    fn reach(&mut self, j: usize, d: f64, i: usize, assigned: bool) {
        if self.dist[j] == f64::INFINITY {
            self.touched.push(j);
        }
        self.dist[j] = d;
        self.pred[j] = i;
        self.heap.push(Reverse((d.to_bits(), assigned, j)));
    }
}
