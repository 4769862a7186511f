//! The small dense product C += A B that every layer, forward, backward and tangent, reduces to.
//!
//! C (m x n) and B (p x n) are row-major and contiguous; A (m x p) is read through strides, so the same
//! kernel also computes Aᵀ B without a transpose. C is cut into MR x NR tiles whose accumulators live in
//! registers for the whole sum over p: each step broadcasts MR entries of A against one NR-wide row of B.
//! NR spans two SIMD registers (16 `f32` with AVX, 8 with SSE / wasm simd128), so LLVM emits vector
//! multiply-adds; ragged edges fall back to the same kernel with one row or one column.

use super::real::Real;

/// Rows of a tile.
const MR: usize = 4;
/// Bytes in a tile row: two 256-bit registers with AVX, two 128-bit ones otherwise.
const ROW_BYTES: usize = if cfg!(target_feature = "avx") { 64 } else { 32 };

/// A read-only m x p matrix stored with arbitrary strides: entry (i, k) is `data[i * row_stride + k * col_stride]`.
#[derive(Clone, Copy)]
pub(crate) struct Strided<'a, R> {
    pub data: &'a [R],
    pub rows: usize,
    pub cols: usize,
    pub row_stride: usize,
    pub col_stride: usize,
}

impl<'a, R> Strided<'a, R> {
    /// A row-major m x p matrix.
    pub fn rows(data: &'a [R], rows: usize, cols: usize) -> Self {
        Self {
            data,
            rows,
            cols,
            row_stride: cols,
            col_stride: 1,
        }
    }

    /// The transpose of a row-major p x m matrix, read in place.
    pub fn transposed(data: &'a [R], rows: usize, cols: usize) -> Self {
        Self {
            data,
            rows: cols,
            cols: rows,
            row_stride: 1,
            col_stride: cols,
        }
    }
}

/// C += A B with C m x n, B p x n (both row-major, `c.len() >= m n`, `b.len() >= p n`).
pub(crate) fn gemm_acc<R: Real>(a: Strided<'_, R>, b: &[R], c: &mut [R], n: usize) {
    let (m, p) = (a.rows, a.cols);
    if m == 0 || n == 0 || p == 0 {
        return;
    }
    let last_a = (m - 1) * a.row_stride + (p - 1) * a.col_stride;
    assert!(
        last_a < a.data.len() && b.len() >= p * n && c.len() >= m * n,
        "gemm: buffers too short"
    );
    if R::BYTES == 4 {
        tiles::<R, { ROW_BYTES / 4 }>(a, b, c, n);
    } else {
        tiles::<R, { ROW_BYTES / 8 }>(a, b, c, n);
    }
}

/// Walks C in MR x NR tiles, then the leftover rows and columns.
fn tiles<R: Real, const NR: usize>(a: Strided<'_, R>, b: &[R], c: &mut [R], n: usize) {
    let (m, p) = (a.rows, a.cols);
    let (m_full, n_full) = (m - m % MR, n - n % NR);
    let ap = a.data.as_ptr();
    let (bp, cp) = (b.as_ptr(), c.as_mut_ptr());
    let tile = |i: usize, j: usize, full_rows: bool, full_cols: bool| {
        // SAFETY: gemm_acc checked that A, B and C hold all m x p, p x n and m x n entries, and
        // each tile (MR or 1 rows, NR or 1 columns) lies inside C.
        unsafe {
            let a_ij = ap.add(i * a.row_stride);
            let (b_j, c_ij) = (bp.add(j), cp.add(i * n + j));
            match (full_rows, full_cols) {
                (true, true) => {
                    tile_kernel::<R, MR, NR>(p, a_ij, a.row_stride, a.col_stride, b_j, n, c_ij)
                }
                (false, true) => {
                    tile_kernel::<R, 1, NR>(p, a_ij, a.row_stride, a.col_stride, b_j, n, c_ij)
                }
                (true, false) => {
                    tile_kernel::<R, MR, 1>(p, a_ij, a.row_stride, a.col_stride, b_j, n, c_ij)
                }
                (false, false) => {
                    tile_kernel::<R, 1, 1>(p, a_ij, a.row_stride, a.col_stride, b_j, n, c_ij)
                }
            }
        }
    };
    for i in (0..m_full).step_by(MR) {
        (0..n_full).step_by(NR).for_each(|j| tile(i, j, true, true));
        (n_full..n).for_each(|j| tile(i, j, true, false));
    }
    for i in m_full..m {
        (0..n_full)
            .step_by(NR)
            .for_each(|j| tile(i, j, false, true));
        (n_full..n).for_each(|j| tile(i, j, false, false));
    }
}

/// One RM x RN tile: C[r][q] += Σ_k A[r][k] B[k][q], accumulated in registers.
///
/// # Safety
/// `a` must be valid for RM rows (stride `rs`) of p entries (stride `cs`), `b` for p rows (stride `ldb`)
/// of RN entries and `c` for RM rows (stride `ldc`) of RN entries.
#[inline(always)]
#[allow(clippy::needless_range_loop)]
unsafe fn tile_kernel<R: Real, const RM: usize, const RN: usize>(
    p: usize,
    a: *const R,
    rs: usize,
    cs: usize,
    b: *const R,
    ldb: usize,
    c: *mut R,
) {
    let mut acc = [[R::ZERO; RN]; RM];
    for r in 0..RM {
        for q in 0..RN {
            acc[r][q] = *c.add(r * ldb + q);
        }
    }
    for k in 0..p {
        let b_k = b.add(k * ldb);
        let mut row = [R::ZERO; RN];
        for q in 0..RN {
            row[q] = *b_k.add(q);
        }
        for r in 0..RM {
            let a_rk = *a.add(r * rs + k * cs);
            for q in 0..RN {
                acc[r][q] = a_rk.mul_add_fast(row[q], acc[r][q]);
            }
        }
    }
    for r in 0..RM {
        for q in 0..RN {
            *c.add(r * ldb + q) = acc[r][q];
        }
    }
}
