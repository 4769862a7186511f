//! Fifth-order upwind (UW5) reconstruction of face values, scaled towards the cell average only
//! as far as positivity needs. Cell k gets one value at each of its faces,
//!
//! p_right = (2 p_{k-2} - 13 p_{k-1} + 47 p_k + 27 p_{k+1} - 3 p_{k+2}) / 60,
//! p_left  = (2 p_{k+2} - 13 p_{k+1} + 47 p_k + 27 p_{k-1} - 3 p_{k-2}) / 60,
//!
//! the upwind-biased five-cell stencil (UW5): the WENO5 reconstruction of Jiang & Shu (J. Comput.
//! Phys. 126, 1996, "Efficient implementation of weighted ENO schemes") with its linear weights
//! 1/10, 6/10, 3/10 on the three parabolas of three cells each (no smoothness indicators: the
//! positivity scaling below is the only limiting). It is exact for quartics and
//! fifth-order accurate where the data are smooth. The values are stored as slopes,
//! s_R = 2 (p_right - p_k), s_L = 2 (p_k - p_left), scaled by the largest θ ∈ [0, 1] with
//!
//! p_k + θ s_R/2 ≥ 0,   p_k - θ s_L/2 ≥ 0,   (p_k + θ s_R/2) + (p_k - θ s_L/2) ≤ 9 p_k / 4,
//!
//! a scaling of the reconstruction towards its mean in the manner of Zhang & Shu (J. Comput.
//! Phys. 229, 2010, "On maximum-principle-satisfying high order schemes for scalar conservation
//! laws"). These two bounds are all the positivity of a time step needs (see
//! [`super::MAX_CFL`]); a TVD limiter such as Koren's also flattens the flanks of every peak,
//! which on learned densities with sharp peaks dominates the error. The price: small over- and
//! undershoots next to steep fronts, never a negative density. The third bound only binds where
//! the data curve upwards (s_R > s_L); an empty cell (p_k = 0) keeps θ = 0 unless its slopes
//! vanish, so empty cells stay empty. Beyond the box edges the cells repeat the edge cell
//! (zero-gradient ghost cells).

use super::buffer::zeroed;

/// The scaled slopes (θ s_R, θ s_L) of a cell of average p ≥ 0 with unscaled slopes s_R, s_L.
#[inline]
fn scaled(p: f64, right: f64, left: f64) -> (f64, f64) {
    let mut theta: f64 = 1.0;
    if right < 0.0 {
        theta = theta.min(-2.0 * p / right); // p + θ right/2 ≥ 0
    }
    if left > 0.0 {
        theta = theta.min(2.0 * p / left); // p - θ left/2 ≥ 0
    }
    if right > left {
        theta = theta.min(0.5 * p / (right - left)); // 2p + θ (right - left)/2 ≤ 9p/4
    }
    (theta * right, theta * left)
}

/// The scaled UW5 slopes (θ s_R, θ s_L) of cell p between p_{k-2}, p_{k-1} and p_{k+1}, p_{k+2}.
#[inline]
fn slopes([m2, m1, p, p1, p2]: [f64; 5]) -> (f64, f64) {
    const W: f64 = 1.0 / 30.0;
    let right = (2.0 * m2 - 13.0 * (m1 + p) + 27.0 * p1 - 3.0 * p2) * W;
    let left = (-2.0 * p2 + 13.0 * (p1 + p) - 27.0 * m1 + 3.0 * m2) * W;
    scaled(p, right, left)
}

/// Right- and left-face slopes of every cell, allocated once, and a row padded with ghost cells.
pub(super) struct Slopes {
    pub right: Vec<f64>,
    pub left: Vec<f64>,
    padded: Vec<f64>,
}

impl Slopes {
    pub fn new(cells: usize, what: &str) -> Result<Self, String> {
        Ok(Self {
            right: zeroed(cells, &format!("{what} (right faces)"))?,
            left: zeroed(cells, &format!("{what} (left faces)"))?,
            padded: Vec::new(),
        })
    }

    /// Limited slopes along every row of `p` (rows of `width` cells), two ghost cells repeating
    /// the edge cell at each end of a row.
    pub fn along(&mut self, p: &[f64], width: usize) {
        let padded = &mut self.padded;
        let rows = p.chunks_exact(width);
        let out = self.right.chunks_exact_mut(width);
        for ((row, right), left) in rows.zip(out).zip(self.left.chunks_exact_mut(width)) {
            padded.clear();
            padded.extend([row[0]; 2]);
            padded.extend_from_slice(row);
            padded.extend([row[width - 1]; 2]);
            let shifted = |k: usize| &padded[k..k + width];
            fill(
                right,
                left,
                [shifted(0), shifted(1), shifted(2), shifted(3), shifted(4)],
            );
        }
    }

    /// Limited slopes across rows: row j of `p` (rows of `width` cells) against rows j ± 1, j ± 2,
    /// the first and last rows repeated beyond the edges.
    pub fn across(&mut self, p: &[f64], width: usize) {
        let rows = p.len() / width;
        let row = |k: usize| &p[k.min(rows - 1) * width..][..width];
        let out = self.right.chunks_exact_mut(width);
        for (j, (right, left)) in out.zip(self.left.chunks_exact_mut(width)).enumerate() {
            let below = |d: usize| row(j.saturating_sub(d));
            fill(
                right,
                left,
                [below(2), below(1), row(j), row(j + 1), row(j + 2)],
            );
        }
    }
}

/// Element-wise scaled slopes of the cells `cells[2]` between their neighbours `cells[0..2]` and
/// `cells[3..5]` (five equally long runs of cells: rows, or one row shifted).
fn fill(right: &mut [f64], left: &mut [f64], cells: [&[f64]; 5]) {
    let [m2, m1, p, p1, p2] = cells;
    let stencils = m2.iter().zip(m1).zip(p).zip(p1).zip(p2);
    for ((r, l), ((((&a, &b), &c), &d), &e)) in right.iter_mut().zip(left.iter_mut()).zip(stencils)
    {
        (*r, *l) = slopes([a, b, c, d, e]);
    }
}

#[cfg(test)]
mod tests {
    use super::slopes;

    /// The face values (p + s_R/2, p - s_L/2) of the middle one of five cells.
    fn faces(cells: [f64; 5]) -> (f64, f64) {
        let (r, l) = slopes(cells);
        (cells[2] + 0.5 * r, cells[2] - 0.5 * l)
    }

    #[test]
    fn face_values_are_exact_for_quartics_where_no_bound_binds() {
        // q(x) = 10 + x² - 0.3 x³ + 0.05 x⁴ and its antiderivative: cell averages over [k ± 1/2].
        let q = |x: f64| 10.0 + x * x * (1.0 + x * (-0.3 + 0.05 * x));
        let big_q = |x: f64| x * (10.0 + x * x * (1.0 / 3.0 + x * (-0.075 + 0.01 * x)));
        let avg = |k: f64| big_q(k + 0.5) - big_q(k - 0.5);
        for k in [0.0, 1.0, -2.0, 3.0] {
            let (right, left) = faces([-2.0, -1.0, 0.0, 1.0, 2.0].map(|d| avg(k + d)));
            assert!((right - q(k + 0.5)).abs() < 1e-12, "{right} {}", q(k + 0.5));
            assert!((left - q(k - 0.5)).abs() < 1e-12, "{left} {}", q(k - 0.5));
        }
        // A maximum: the parabola 1 - x² is kept (its faces sum to less than 2p).
        let avg = |k: f64| 1.0 - k * k - 1.0 / 12.0;
        let (right, left) = faces([-2.0, -1.0, 0.0, 1.0, 2.0].map(avg));
        assert!((right - 0.75).abs() < 1e-15 && (left - 0.75).abs() < 1e-15);
    }

    #[test]
    fn the_bounds_hold_on_every_kind_of_data() {
        let values = [0.0, 1e-12, 0.3, 1.0, 2.5, 7.0, 100.0];
        let mut cells = [0.0; 5];
        for code in 0..values.len().pow(5) {
            for (m, c) in cells.iter_mut().enumerate() {
                *c = values[code / values.len().pow(m as u32) % values.len()];
            }
            let (right, left) = faces(cells);
            let (p, what) = (cells[2], format!("cells {cells:?}: faces {left} {right}"));
            assert!(right >= -1e-15 * p && left >= -1e-15 * p, "{what}");
            assert!(right + left <= 2.25 * p * (1.0 + 1e-15), "{what}");
        }
        // An empty cell beside mass stays empty; a steep rise is scaled, not dropped.
        assert_eq!(faces([0.5, 2.0, 0.0, 3.0, 1.0]), (0.0, 0.0));
        let (right, left) = faces([0.0, 0.0, 1.0, 10.0, 10.0]);
        assert!(
            (right + left - 2.25).abs() < 1e-12 && left >= 0.0,
            "{left} {right}"
        );
    }
}
