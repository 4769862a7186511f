//! Third-order upwind-biased (κ = 1/3) reconstruction of face values, limited only as far as
//! positivity needs: cell k gets one slope towards each face,
//!
//! p_right = p_k + θ s_R/2,   s_R = (Δ₋ + 2 Δ₊)/3,
//! p_left  = p_k - θ s_L/2,   s_L = (2 Δ₋ + Δ₊)/3,
//!
//! with Δ₋ = p_k - p_{k-1}, Δ₊ = p_{k+1} - p_k. Unlimited (θ = 1) these are the face values of the
//! parabola with the cell averages of cells k - 1, k, k + 1: third-order accurate where the data
//! are smooth. θ ∈ [0, 1] is the largest value for which
//!
//! p_right ≥ 0,   p_left ≥ 0,   p_right + p_left ≤ 9 p_k / 4,
//!
//! a scaling of the parabola towards its mean in the manner of Zhang & Shu (J. Comput. Phys. 229,
//! 2010, "On maximum-principle-satisfying high order schemes for scalar conservation laws"). These
//! two bounds are all the positivity of a time step needs (see [`super::MAX_CFL`]); a TVD limiter
//! such as Koren's also flattens the flanks of every peak, which on learned densities with sharp
//! peaks dominates the error. The price: small over- and undershoots next to steep fronts,
//! never a negative density. Since p_right + p_left = 2 p_k + θ (Δ₊ - Δ₋)/6, the third bound only
//! binds where the data curve upwards; an empty cell (p_k = 0) gets θ = 0 unless both its
//! neighbours are empty too, so empty cells stay empty.

use super::buffer::zeroed;

/// The scaled slopes (θ s_R, θ s_L) towards the right and left faces of a cell of average
/// p ≥ 0 with differences a = Δ₋ and b = Δ₊.
#[inline]
fn slopes(p: f64, a: f64, b: f64) -> (f64, f64) {
    const THIRD: f64 = 1.0 / 3.0;
    let (right, left) = ((a + 2.0 * b) * THIRD, (2.0 * a + b) * THIRD);
    let mut theta: f64 = 1.0;
    if right < 0.0 {
        theta = theta.min(-2.0 * p / right); // p + θ right/2 ≥ 0
    }
    if left > 0.0 {
        theta = theta.min(2.0 * p / left); // p - θ left/2 ≥ 0
    }
    if b > a {
        theta = theta.min(1.5 * p / (b - a)); // 2p + θ (b - a)/6 ≤ 9p/4
    }
    (theta * right, theta * left)
}

/// Right- and left-face slopes of every cell, allocated once.
pub(super) struct Slopes {
    pub right: Vec<f64>,
    pub left: Vec<f64>,
}

impl Slopes {
    pub fn new(cells: usize, what: &str) -> Result<Self, String> {
        Ok(Self {
            right: zeroed(cells, &format!("{what} (right faces)"))?,
            left: zeroed(cells, &format!("{what} (left faces)"))?,
        })
    }

    /// A view of all the slopes.
    pub fn all_mut(&mut self) -> SlopesMut<'_> {
        SlopesMut {
            right: &mut self.right,
            left: &mut self.left,
        }
    }

    /// Views of the slopes of consecutive runs of `width` cells (the rows of the grid).
    pub fn rows_mut(&mut self, width: usize) -> impl Iterator<Item = SlopesMut<'_>> {
        let rows = self.right.chunks_exact_mut(width);
        rows.zip(self.left.chunks_exact_mut(width))
            .map(|(right, left)| SlopesMut { right, left })
    }
}

/// Right- and left-face slopes of a run of cells (or of rows of cells).
pub(super) struct SlopesMut<'a> {
    pub right: &'a mut [f64],
    pub left: &'a mut [f64],
}

impl SlopesMut<'_> {
    /// Element-wise scaled slopes of `mid` between its neighbours `prev` and `next`
    /// (three equally long runs of cells, e.g. three consecutive rows, or one row shifted).
    fn fill(&mut self, prev: &[f64], mid: &[f64], next: &[f64]) {
        let cells = prev.iter().zip(mid).zip(next);
        let out = self.right.iter_mut().zip(self.left.iter_mut());
        for ((r, l), ((&a, &p), &b)) in out.zip(cells) {
            (*r, *l) = slopes(p, p - a, b - p);
        }
    }

    /// The slopes of cells `from..to`.
    fn range(&mut self, from: usize, to: usize) -> SlopesMut<'_> {
        SlopesMut {
            right: &mut self.right[from..to],
            left: &mut self.left[from..to],
        }
    }

    /// Limited slopes along a row of cells. The edge cells get slopes 0: the zero-gradient
    /// (outflow) ghost cell beyond the box edge makes one of the differences vanish.
    pub fn along(&mut self, row: &[f64]) {
        let n = row.len();
        self.range(1, n - 1)
            .fill(&row[..n - 2], &row[1..n - 1], &row[2..]);
        for s in [&mut *self.right, &mut *self.left] {
            s[0] = 0.0;
            s[n - 1] = 0.0;
        }
    }

    /// Limited slopes across rows: row j of `p` (N rows of `width`) against rows j ± 1, with
    /// slopes 0 in the first and last rows (zero-gradient ghost rows).
    pub fn across(&mut self, p: &[f64], width: usize) {
        let len = p.len();
        for s in [&mut *self.right, &mut *self.left] {
            s[..width].fill(0.0);
            s[len - width..].fill(0.0);
        }
        for j in 1..len / width - 1 {
            let row = |k: usize| &p[k * width..(k + 1) * width];
            self.range(j * width, (j + 1) * width)
                .fill(row(j - 1), row(j), row(j + 1));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::slopes;

    /// The face values p + s_R/2 and p - s_L/2.
    fn faces(p: f64, a: f64, b: f64) -> (f64, f64) {
        let (r, l) = slopes(p, a, b);
        (p + 0.5 * r, p - 0.5 * l)
    }

    #[test]
    fn face_values_are_exact_for_parabolas_where_no_bound_binds() {
        // Cell averages of 10 + x² on cells [k - 1/2, k + 1/2]: 10 + k² + 1/12; faces 10 + (k ± 1/2)².
        let avg = |k: f64| 10.0 + k * k + 1.0 / 12.0;
        for k in [0.0, 1.0, -2.0] {
            let (p, a, b) = (avg(k), avg(k) - avg(k - 1.0), avg(k + 1.0) - avg(k));
            let (right, left) = faces(p, a, b);
            assert!((right - 10.0 - (k + 0.5) * (k + 0.5)).abs() < 1e-12);
            assert!((left - 10.0 - (k - 0.5) * (k - 0.5)).abs() < 1e-12);
        }
        // A maximum: the parabola 1 - x² is kept (its faces sum to less than 2p).
        let p = 1.0 - 1.0 / 12.0;
        let (right, left) = faces(p, 1.0, -1.0);
        assert!((right - 0.75).abs() < 1e-15 && (left - 0.75).abs() < 1e-15);
    }

    #[test]
    fn the_bounds_hold_on_every_kind_of_data() {
        let values = [0.0, 1e-12, 0.3, 1.0, 2.5, 7.0, 100.0];
        for &prev in &values {
            for &p in &values {
                for &next in &values {
                    let (right, left) = faces(p, p - prev, next - p);
                    let what = format!("cells {prev} {p} {next}: faces {left} {right}");
                    assert!(right >= -1e-15 * p && left >= -1e-15 * p, "{what}");
                    assert!(right + left <= 2.25 * p * (1.0 + 1e-15), "{what}");
                }
            }
        }
        // An empty cell beside mass stays empty; a steep rise is scaled, not dropped.
        assert_eq!(faces(0.0, -1.0, 2.0), (0.0, 0.0));
        let (right, left) = faces(1.0, 1.0, 10.0);
        assert!(
            (right + left - 2.25).abs() < 1e-12 && left >= 0.0,
            "{left} {right}"
        );
    }
}
