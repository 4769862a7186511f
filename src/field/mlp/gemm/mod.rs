//! The small dense product C += A B that every layer, forward, backward and tangent, reduces to.
//!
//! C (m x n) and B (p x n) are row-major and contiguous; A (m x p) is read through strides, so the same
//! kernel also computes Aᵀ B without a transpose. C is cut into MR x NR tiles whose accumulators live in
//! registers for the whole sum over p: each step broadcasts MR entries of A against one NR-wide row of B.
//! NR spans two SIMD registers (16 `f32` with AVX, 8 with SSE / wasm simd128), so LLVM emits vector
//! multiply-adds; ragged edges fall back to the same kernel with one row or one column. An x86-64 build
//! for a generic CPU also carries an AVX2 + FMA copy of the loops and picks it at run time.

use super::real::Real;

/// Rows of a tile. Its MR x 2 vector accumulators, the two vectors of a row of B and one broadcast
/// entry of A must fit the 16 vector registers of x86-64: 6 rows do with AVX or SSE. A wasm engine
/// keeps some of those registers for itself when it compiles simd128, so 6 rows spill there; 4 fit.
const MR: usize = if cfg!(target_arch = "wasm32") { 4 } else { 6 };

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
    #[cfg(target_arch = "x86_64")]
    if !cfg!(target_feature = "fma")
        && is_x86_feature_detected!("avx2")
        && is_x86_feature_detected!("fma")
    {
        // SAFETY: the CPU has just been found to support AVX2 and FMA.
        return unsafe { tiles_avx2_fma(a, b, c, n) };
    }
    tiles_portable(a, b, c, n);
}

/// Tiles for the instruction set the crate is compiled for: 256-bit rows with AVX, 128-bit otherwise.
fn tiles_portable<R: Real>(a: Strided<'_, R>, b: &[R], c: &mut [R], n: usize) {
    const ROW_BYTES: usize = if cfg!(target_feature = "avx") { 64 } else { 32 };
    const FMA: bool = cfg!(target_feature = "fma");
    if R::BYTES == 4 {
        tiles::<R, MR, { ROW_BYTES / 4 }, FMA>(a, b, c, n);
    } else {
        tiles::<R, MR, { ROW_BYTES / 8 }, FMA>(a, b, c, n);
    }
}

/// Tiles compiled for AVX2 + FMA, chosen at run time on x86-64 builds for a generic CPU.
///
/// # Safety
/// The CPU must support AVX2 and FMA.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn tiles_avx2_fma<R: Real>(a: Strided<'_, R>, b: &[R], c: &mut [R], n: usize) {
    if R::BYTES == 4 {
        tiles::<R, MR, 16, true>(a, b, c, n);
    } else {
        tiles::<R, MR, 8, true>(a, b, c, n);
    }
}

/// Walks C in MR x NR tiles, then the leftover rows and columns.
#[inline(always)]
fn tiles<R: Real, const MR: usize, const NR: usize, const FMA: bool>(
    a: Strided<'_, R>,
    b: &[R],
    c: &mut [R],
    n: usize,
) {
    let (m, p) = (a.rows, a.cols);
    let (m_full, n_full) = (m - m % MR, n - n % NR);
    let (rs, cs) = (a.row_stride, a.col_stride);
    let (ap, bp, cp) = (a.data.as_ptr(), b.as_ptr(), c.as_mut_ptr());
    // SAFETY: gemm_acc checked that A, B and C hold all m x p, p x n and m x n entries, and each
    // tile below (MR or 1 rows from i, NR or 1 columns from j) lies inside C.
    unsafe {
        let at = |i: usize, j: usize| (ap.add(i * rs), bp.add(j), cp.add(i * n + j));
        for i in (0..m_full).step_by(MR) {
            for j in (0..n_full).step_by(NR) {
                let (a, b, c) = at(i, j);
                tile_kernel::<R, MR, NR, FMA>(p, a, rs, cs, b, n, c);
            }
            for j in n_full..n {
                let (a, b, c) = at(i, j);
                tile_kernel::<R, MR, 1, FMA>(p, a, rs, cs, b, n, c);
            }
        }
        for i in m_full..m {
            for j in (0..n_full).step_by(NR) {
                let (a, b, c) = at(i, j);
                tile_kernel::<R, 1, NR, FMA>(p, a, rs, cs, b, n, c);
            }
            for j in n_full..n {
                let (a, b, c) = at(i, j);
                tile_kernel::<R, 1, 1, FMA>(p, a, rs, cs, b, n, c);
            }
        }
    }
}

/// One RM x RN tile: C[r][q] += Σ_k A[r][k] B[k][q], accumulated in registers.
///
/// # Safety
/// `a` must be valid for RM rows (stride `rs`) of p entries (stride `cs`), `b` for p rows (stride `ldb`)
/// of RN entries and `c` for RM rows (stride `ldc`) of RN entries.
#[inline(always)]
#[allow(clippy::needless_range_loop)]
unsafe fn tile_kernel<R: Real, const RM: usize, const RN: usize, const FMA: bool>(
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
                acc[r][q] = if FMA {
                    a_rk.mul_add(row[q], acc[r][q])
                } else {
                    a_rk * row[q] + acc[r][q]
                };
            }
        }
    }
    for r in 0..RM {
        for q in 0..RN {
            *c.add(r * ldb + q) = acc[r][q];
        }
    }
}

#[cfg(test)]
mod tests;
