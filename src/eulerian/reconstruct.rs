//! Second-order (MUSCL) reconstruction: inside each cell p is taken linear, p + s ξ for
//! ξ ∈ [-1/2, 1/2] in cell widths, with the slope s limited by the monotonized-central (MC) limiter
//!
//! s = minmod(2 Δ₋, (Δ₋ + Δ₊)/2, 2 Δ₊),  Δ₋ = p_k - p_{k-1},  Δ₊ = p_{k+1} - p_k.
//!
//! MC is the least diffusive of the classical TVD limiters on smooth profiles (it keeps the central
//! slope wherever the data are not steep or extremal). Its face values p ± s/2 lie between the
//! neighbouring cell values, so they are non-negative when the cells are, and the two face values
//! of a cell sum to 2 p: the facts behind the positivity bound of [`super::MAX_CFL`].
//! At extrema (Δ₋ Δ₊ ≤ 0) the slope is zero, so the scheme is locally first order there.

/// The MC-limited slope from the backward and forward differences a = Δ₋ and b = Δ₊.
#[inline]
fn mc(a: f64, b: f64) -> f64 {
    let m = (2.0 * a.abs()).min(2.0 * b.abs()).min(0.5 * (a + b).abs());
    if a * b > 0.0 {
        m.copysign(a)
    } else {
        0.0
    }
}

/// Element-wise limited slopes of `mid` between its neighbours `prev` and `next`
/// (three equally long runs of cells, e.g. three consecutive rows, or one row shifted).
pub(super) fn limited_slopes(prev: &[f64], mid: &[f64], next: &[f64], out: &mut [f64]) {
    let cells = prev.iter().zip(mid).zip(next);
    for (s, ((&a, &p), &b)) in out.iter_mut().zip(cells) {
        *s = mc(p - a, b - p);
    }
}

/// Limited slopes along a row of cells. The edge cells get slope 0: the zero-gradient
/// (outflow) ghost cell beyond the box edge makes one of the differences vanish.
pub(super) fn slopes_along(row: &[f64], out: &mut [f64]) {
    let n = row.len();
    limited_slopes(&row[..n - 2], &row[1..n - 1], &row[2..], &mut out[1..n - 1]);
    out[0] = 0.0;
    out[n - 1] = 0.0;
}

/// Limited slopes across rows: row j of `p` (N rows of `width`) against rows j ± 1, with slope 0
/// in the first and last rows (zero-gradient ghost rows).
pub(super) fn slopes_across(p: &[f64], width: usize, out: &mut [f64]) {
    let rows = p.len() / width;
    let (first, rest) = out.split_at_mut(width);
    first.fill(0.0);
    rest[(rows - 2) * width..].fill(0.0);
    for j in 1..rows - 1 {
        let (prev, mid, next) = (
            &p[(j - 1) * width..j * width],
            &p[j * width..(j + 1) * width],
            &p[(j + 1) * width..(j + 2) * width],
        );
        limited_slopes(prev, mid, next, &mut out[j * width..(j + 1) * width]);
    }
}
