//! Third-order upwind-biased (κ = 1/3) MUSCL reconstruction with Koren's limiter: cell k gets
//! one slope towards each face, s_R for its right face and s_L for its left,
//!
//! p_right = p_k + s_R/2,   s_R = minmod(2 Δ₋, (Δ₋ + 2 Δ₊)/3, 2 Δ₊),
//! p_left  = p_k - s_L/2,   s_L = minmod(2 Δ₋, (2 Δ₋ + Δ₊)/3, 2 Δ₊),
//!
//! with Δ₋ = p_k - p_{k-1}, Δ₊ = p_{k+1} - p_k. Unlimited, these are the face values of the
//! parabola with the cell averages of cells k - 1, k, k + 1, so the scheme is third-order accurate
//! in space where the data are smooth. Where the data are monotone the bounds |s| ≤ 2|Δ±| keep
//! each face value between the neighbouring cell values (the TVD property).
//!
//! At extrema Koren's limiter would set both slopes to zero, which clips every smooth peak flat to
//! first order; on a learned density with sharp peaks that clipping dominated the error. So at a
//! maximum (Δ₋ ≥ 0 ≥ Δ₊) the slopes stay unlimited: the face values p + (Δ₋ + 2Δ₊)/6 and
//! p - (2Δ₋ + Δ₊)/6 are at least 2p/3 (as Δ₋ ≤ p and -Δ₊ ≤ p when the neighbours are ≥ 0) and
//! sum to 2p + (Δ₊ - Δ₋)/6 ≤ 2p, but one of them may exceed p by up to Δ₋/6 or |Δ₊|/6, so the
//! scheme is not TVD there. At a minimum both slopes are zero (face values p, which keeps empty
//! cells empty). The face values of a cell no longer sum to 2 p_k; [`super::MAX_CFL`] bounds the sum.

use super::buffer::zeroed;

/// minmod(2a, c, 2b) for the differences a = Δ₋, b = Δ₊ and the unlimited slope c (which lies
/// between a and b, so shares their sign when they agree); c itself at a maximum (a ≥ 0 ≥ b),
/// zero at a minimum.
#[inline]
fn koren(a: f64, b: f64, c: f64) -> f64 {
    let m = (2.0 * a.abs()).min(2.0 * b.abs()).min(c.abs());
    if a * b > 0.0 {
        m.copysign(a)
    } else if a >= b {
        c
    } else {
        0.0
    }
}

/// The slopes towards the right and left faces of one cell from a = Δ₋ and b = Δ₊.
#[inline]
fn slopes(a: f64, b: f64) -> (f64, f64) {
    const THIRD: f64 = 1.0 / 3.0;
    (
        koren(a, b, (a + 2.0 * b) * THIRD),
        koren(a, b, (2.0 * a + b) * THIRD),
    )
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
    /// Element-wise limited slopes of `mid` between its neighbours `prev` and `next`
    /// (three equally long runs of cells, e.g. three consecutive rows, or one row shifted).
    fn fill(&mut self, prev: &[f64], mid: &[f64], next: &[f64]) {
        let cells = prev.iter().zip(mid).zip(next);
        let out = self.right.iter_mut().zip(self.left.iter_mut());
        for ((r, l), ((&a, &p), &b)) in out.zip(cells) {
            (*r, *l) = slopes(p - a, b - p);
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

    #[test]
    fn face_values_are_exact_for_parabolas_and_limited_on_steep_or_minimal_data() {
        // Cell averages of x² on cells [k - 1/2, k + 1/2]: k² + 1/12; face values (k ± 1/2)².
        let avg = |k: f64| k * k + 1.0 / 12.0;
        for k in [2.0, 5.0, -3.0] {
            let (p, a, b) = (avg(k), avg(k) - avg(k - 1.0), avg(k + 1.0) - avg(k));
            let (r, l) = slopes(a, b);
            assert!((p + 0.5 * r - (k + 0.5) * (k + 0.5)).abs() < 1e-12);
            assert!((p - 0.5 * l - (k - 0.5) * (k - 0.5)).abs() < 1e-12);
        }
        // The maximum of -x² at cell 0: averages -1/12 and -13/12, face values -1/4.
        let (r, l) = slopes(1.0, -1.0);
        assert!(
            (-1.0 / 12.0 + 0.5 * r + 0.25).abs() < 1e-15 && r == -l,
            "{r} {l}"
        );
        assert_eq!(slopes(-1.0, 2.0), (0.0, 0.0)); // minimum
        assert_eq!(slopes(0.0, 3.0), (0.0, 0.0));
        assert_eq!(slopes(1.0, 10.0), (2.0, 2.0)); // both limited by 2 Δ₋
        assert_eq!(slopes(-10.0, -1.0), (-2.0, -2.0)); // both limited by 2 Δ₊
        let (r, l) = slopes(1.0, 2.5); // the worst case of MAX_CFL
        assert!(
            (r - 2.0).abs() < 1e-15 && (l - 1.5).abs() < 1e-15,
            "{r} {l}"
        );
    }
}
