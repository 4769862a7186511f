//! The reference solver of the tests: the Hungarian method, FlowLab's assignment solver before
//! the auction-warmed one, kept to check it on instances too large for brute force.
//!
//! Exact linear assignment by the Hungarian method in its shortest-augmenting-path form (the
//! O(n^3) variant with dual potentials). Rows are added one at a time; for each, a Dijkstra-like
//! search over columns with reduced costs c(i, j) - u_i - v_j >= 0 finds the cheapest augmenting
//! path, and the potentials are updated so that reduced costs stay non-negative and vanish on the
//! matching. When every row is matched the assignment is optimal (complementary slackness).

/// A reusable solver: its buffers grow to the largest n seen and are then reused.
#[derive(Clone, Debug, Default)]
pub struct Hungarian {
    /// Row potentials u, column potentials v (index 0 is the virtual start column).
    u: Vec<f64>,
    v: Vec<f64>,
    /// row_of[j]: the row matched to column j (1-based, 0 = free).
    row_of: Vec<usize>,
    /// Previous column on the current shortest path.
    way: Vec<usize>,
    /// Smallest reduced cost to reach each column so far.
    min_to: Vec<f64>,
    visited: Vec<bool>,
}

impl Hungarian {
    fn reset(&mut self, n: usize) {
        for buf in [&mut self.u, &mut self.v, &mut self.min_to] {
            buf.clear();
            buf.resize(n + 1, 0.0);
        }
        for buf in [&mut self.row_of, &mut self.way] {
            buf.clear();
            buf.resize(n + 1, 0);
        }
        self.visited.clear();
        self.visited.resize(n + 1, false);
    }

    /// Writes the optimal permutation, `perm[i]` = column of row i, for the n x n cost
    /// `cost(i, j)` with n = `perm.len()`, and returns the optimal total cost.
    /// Costs must be finite.
    pub fn solve(&mut self, cost: impl Fn(usize, usize) -> f64, perm: &mut [usize]) -> f64 {
        let n = perm.len();
        self.reset(n);
        for row in 1..=n {
            self.augment(row, &cost);
        }
        let mut total = 0.0;
        for j in 1..=n {
            let i = self.row_of[j] - 1;
            perm[i] = j - 1;
            total += cost(i, j - 1);
        }
        total
    }

    /// Matches `row` by the shortest augmenting path from it to a free column.
    fn augment(&mut self, row: usize, cost: &impl Fn(usize, usize) -> f64) {
        let n = self.u.len() - 1;
        self.row_of[0] = row;
        self.min_to.fill(f64::INFINITY);
        self.visited.fill(false);
        let mut col = 0;
        while self.row_of[col] != 0 {
            self.visited[col] = true;
            let i = self.row_of[col];
            let (mut delta, mut next) = (f64::INFINITY, 0);
            for j in 1..=n {
                if self.visited[j] {
                    continue;
                }
                let reduced = cost(i - 1, j - 1) - self.u[i] - self.v[j];
                if reduced < self.min_to[j] {
                    self.min_to[j] = reduced;
                    self.way[j] = col;
                }
                if self.min_to[j] < delta {
                    delta = self.min_to[j];
                    next = j;
                }
            }
            for j in 0..=n {
                if self.visited[j] {
                    self.u[self.row_of[j]] += delta;
                    self.v[j] -= delta;
                } else {
                    self.min_to[j] -= delta;
                }
            }
            col = next;
        }
        // Flip the matching along the path back to the start column.
        while col != 0 {
            let prev = self.way[col];
            self.row_of[col] = self.row_of[prev];
            col = prev;
        }
    }
}
