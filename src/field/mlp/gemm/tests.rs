//! Both instruction-set paths of the kernel, and the tile shape of wasm builds, against a plain
//! triple loop, on ragged shapes.

use super::{gemm_acc, tiles, tiles_portable, Strided};
use crate::field::mlp::Real;

/// C + A B by the definition, in f64, with A given as a row-major m x p matrix.
fn naive(a: &[f64], b: &[f64], c: &[f64], m: usize, p: usize, n: usize) -> Vec<f64> {
    (0..m * n)
        .map(|ij| {
            c[ij]
                + (0..p)
                    .map(|k| a[(ij / n) * p + k] * b[k * n + ij % n])
                    .sum::<f64>()
        })
        .collect()
}

fn values(len: usize, seed: usize) -> Vec<f64> {
    (0..len)
        .map(|i| (((i + seed) * 37 % 23) as f64 - 11.0) / 8.0)
        .collect()
}

fn check<R: Real>(kernel: fn(Strided<'_, R>, &[R], &mut [R], usize), tol: f64) {
    for (m, p, n) in [
        (1, 1, 1),
        (6, 3, 16),
        (7, 5, 17),
        (13, 64, 2),
        (256, 64, 64),
        (3, 256, 64),
    ] {
        let (a, b, c) = (values(m * p, 1), values(p * n, 2), values(m * n, 3));
        let expected = naive(&a, &b, &c, m, p, n);
        let cast = |v: &[f64]| v.iter().map(|&x| R::from_f64(x)).collect::<Vec<R>>();
        let (ar, br) = (cast(&a), cast(&b));
        let mut cr = cast(&c);
        kernel(Strided::rows(&ar, m, p), &br, &mut cr, n);
        // The same product with A stored transposed (p x m) and read through strides.
        let at: Vec<R> = (0..p * m).map(|ki| ar[(ki % m) * p + ki / m]).collect();
        let mut ct = cast(&c);
        kernel(Strided::transposed(&at, p, m), &br, &mut ct, n);
        for (i, e) in expected.iter().enumerate() {
            for got in [cr[i], ct[i]] {
                assert!(
                    (got.to_f64() - e).abs() <= tol * (1.0 + e.abs()),
                    "{m}x{p}x{n} [{i}]: {got:?} vs {e}"
                );
            }
        }
    }
}

#[test]
fn dispatched_kernel_matches_the_definition() {
    check::<f64>(gemm_acc, 1e-13);
    check::<f32>(gemm_acc, 1e-5);
}

#[test]
fn portable_kernel_matches_the_definition() {
    check::<f64>(tiles_portable, 1e-13);
    check::<f32>(tiles_portable, 1e-5);
}

#[test]
fn wasm_tile_shape_matches_the_definition() {
    check::<f64>(tiles::<f64, 4, 4, false>, 1e-13);
    check::<f32>(tiles::<f32, 4, 8, false>, 1e-5);
}
