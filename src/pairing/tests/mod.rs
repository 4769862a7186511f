//! Checks of the exact assignment against brute force and known optimal couplings.

mod reference;

use super::*;
use crate::random::fill_standard_normal;
use rand::{rngs::StdRng, Rng, SeedableRng};
use std::time::Instant;

fn normal_points(n: usize, seed: u64) -> Vec<f64> {
    let mut xs = vec![0.0; 2 * n];
    fill_standard_normal(&mut StdRng::seed_from_u64(seed), &mut xs);
    xs
}

/// Minimum over all permutations, enumerated recursively.
fn brute_force(cost: &[Vec<f64>], used: &mut [bool], row: usize) -> f64 {
    if row == cost.len() {
        return 0.0;
    }
    let mut best = f64::INFINITY;
    for j in 0..cost.len() {
        if !used[j] {
            used[j] = true;
            best = best.min(cost[row][j] + brute_force(cost, used, row + 1));
            used[j] = false;
        }
    }
    best
}

/// The n x n row-major matrix of `cost`.
fn matrix(n: usize, cost: impl Fn(usize, usize) -> f64) -> Vec<f64> {
    (0..n * n).map(|k| cost(k / n, k % n)).collect()
}

fn is_permutation(perm: &[usize]) -> bool {
    let mut seen = vec![false; perm.len()];
    perm.iter()
        .all(|&j| j < perm.len() && !std::mem::replace(&mut seen[j], true))
}

#[test]
fn matches_brute_force_on_random_costs() {
    let mut rng = StdRng::seed_from_u64(1);
    let mut solver = Assignment::with_capacity(3);
    for n in 1..=7 {
        for _ in 0..20 {
            // Arbitrary (non-metric, partly negative) costs test the solver beyond Euclidean data.
            let cost: Vec<Vec<f64>> = (0..n)
                .map(|_| (0..n).map(|_| rng.random_range(-1.0..3.0)).collect())
                .collect();
            let mut perm = vec![0; n];
            let total = solver.solve(&matrix(n, |i, j| cost[i][j]), &mut perm);
            let best = brute_force(&cost, &mut vec![false; n], 0);
            assert!(is_permutation(&perm));
            let recomputed: f64 = perm.iter().enumerate().map(|(i, &j)| cost[i][j]).sum();
            assert!((total - best).abs() < 1e-12 && (recomputed - best).abs() < 1e-12);
        }
    }
}

#[test]
fn ot_coupler_matches_brute_force_on_points() {
    let mut coupler = Coupler::new(Pairing::OptimalTransport, 7).unwrap();
    for (seed, n) in (0..30).zip((1..=7).cycle()) {
        let (x0, x1) = (normal_points(n, seed), normal_points(n, seed + 100));
        let mut out = vec![0.0; 2 * n];
        let total = coupler.pair(&x0, &x1, &mut out);
        let cost: Vec<Vec<f64>> = (0..n)
            .map(|i| {
                (0..n)
                    .map(|j| {
                        (x0[2 * i] - x1[2 * j]).powi(2) + (x0[2 * i + 1] - x1[2 * j + 1]).powi(2)
                    })
                    .collect()
            })
            .collect();
        assert!((total - brute_force(&cost, &mut vec![false; n], 0)).abs() < 1e-12);
        for (i, &j) in coupler.permutation().iter().enumerate() {
            assert_eq!(&out[2 * i..2 * i + 2], &x1[2 * j..2 * j + 2]);
        }
    }
}

#[test]
fn recovers_known_optimal_couplings() {
    let n = 200;
    let x0 = normal_points(n, 7);
    // A shuffled copy: the optimum (cost 0) undoes the shuffle.
    let shuffle: Vec<usize> = (0..n).map(|i| (i * 37 + 11) % n).collect();
    let x1: Vec<f64> = shuffle
        .iter()
        .flat_map(|&j| [x0[2 * j], x0[2 * j + 1]])
        .collect();
    let mut coupler = Coupler::new(Pairing::OptimalTransport, n).unwrap();
    let mut out = vec![0.0; 2 * n];
    assert_eq!(coupler.pair(&x0, &x1, &mut out), 0.0);
    assert_eq!(out, x0);
    // Points on a line: the optimal squared-cost coupling is monotone (sorted to sorted).
    let mut rng = StdRng::seed_from_u64(8);
    let line = |rng: &mut StdRng| -> Vec<f64> {
        (0..n).flat_map(|_| [rng.random::<f64>(), 0.0]).collect()
    };
    let (a, b) = (line(&mut rng), line(&mut rng));
    let sorted = |xs: &[f64]| {
        let mut v: Vec<f64> = xs.iter().step_by(2).cloned().collect();
        v.sort_by(f64::total_cmp);
        v
    };
    let expected: f64 = sorted(&a)
        .iter()
        .zip(sorted(&b))
        .map(|(p, q)| (p - q).powi(2))
        .sum();
    let total = coupler.pair(&a, &b, &mut out);
    assert!((total - expected).abs() < 1e-12, "{total} vs {expected}");
}

#[test]
fn independent_coupling_keeps_pairs_and_sizes_are_validated() {
    let (x0, x1) = (normal_points(5, 1), normal_points(5, 2));
    let mut coupler = Coupler::new(Pairing::Independent, 5).unwrap();
    let mut out = vec![0.0; 10];
    let total = coupler.pair(&x0, &x1, &mut out);
    assert_eq!(out, x1);
    assert_eq!(coupler.permutation(), &[0, 1, 2, 3, 4]);
    let direct: f64 = x0.iter().zip(&x1).map(|(a, b)| (a - b).powi(2)).sum();
    assert!((total - direct).abs() < 1e-12);
    assert!(Coupler::new(Pairing::OptimalTransport, 0).is_err());
    assert!(Coupler::new(Pairing::OptimalTransport, MAX_OT_POINTS + 1).is_err());
    assert!(Coupler::new(Pairing::Independent, 0).is_err());
    // Non-finite points cannot be transported: the identity pairing is kept, without hanging.
    let mut ot = Coupler::new(Pairing::OptimalTransport, 5).unwrap();
    let mut bad = x1.clone();
    bad[3] = f64::NAN;
    assert!(ot.pair(&x0, &bad, &mut out).is_nan());
    assert_eq!(ot.permutation(), &[0, 1, 2, 3, 4]);
}

/// Random instances too large for brute force: the auction-warmed solver and the Hungarian
/// method agree on the optimal total, on Gaussian points, on points of a coarse lattice (many
/// equal costs), on integer costs with ties, on uniform costs of both signs and on costs of
/// very different scales.
#[test]
fn matches_the_hungarian_method_on_large_instances() {
    let mut rng = StdRng::seed_from_u64(5);
    let mut fast = Assignment::default();
    let mut reference = reference::Hungarian::default();
    for (trial, n) in [1, 2, 3, 10, 64, 255, 256, 300].into_iter().enumerate() {
        let seed = 10 * trial as u64;
        let (x0, x1) = (normal_points(n, seed), normal_points(n, seed + 1));
        let lattice: Vec<f64> = x1.iter().map(|x| (x * 2.0).round() / 2.0).collect();
        let integer: Vec<f64> = (0..n * n).map(|_| rng.random_range(0..5) as f64).collect();
        let uniform: Vec<f64> = (0..n * n).map(|_| rng.random_range(-1.0..3.0)).collect();
        let scales: Vec<f64> = (0..n * n)
            .map(|_| 10f64.powf(rng.random_range(-6.0..6.0)))
            .collect();
        let sq = |a: &[f64], b: &[f64], i: usize, j: usize| {
            (a[2 * i] - b[2 * j]).powi(2) + (a[2 * i + 1] - b[2 * j + 1]).powi(2)
        };
        let costs: [&dyn Fn(usize, usize) -> f64; 5] = [
            &|i, j| sq(&x0, &x1, i, j),
            &|i, j| sq(&x0, &lattice, i, j),
            &|i, j| integer[i * n + j],
            &|i, j| uniform[i * n + j],
            &|i, j| scales[i * n + j],
        ];
        for (kind, cost) in costs.into_iter().enumerate() {
            let (mut perm, mut perm_ref) = (vec![0; n], vec![0; n]);
            let total = fast.solve(&matrix(n, cost), &mut perm);
            let expected = reference.solve(cost, &mut perm_ref);
            assert!(
                is_permutation(&perm),
                "n = {n}, costs {kind}: not a permutation"
            );
            let recomputed: f64 = perm.iter().enumerate().map(|(i, &j)| cost(i, j)).sum();
            assert_eq!(total, recomputed);
            assert!(
                (total - expected).abs() <= 1e-9 * expected.abs().max(1.0),
                "n = {n}, costs {kind}: {total} vs Hungarian {expected}"
            );
        }
    }
    // All costs equal (every permutation optimal), all zero, and none (n = 0).
    let mut perm = vec![0; 50];
    assert_eq!(fast.solve(&[1.5; 2500], &mut perm), 75.0);
    assert!(is_permutation(&perm));
    assert_eq!(fast.solve(&[0.0; 2500], &mut perm), 0.0);
    assert!(is_permutation(&perm));
    assert_eq!(fast.solve(&[], &mut []), 0.0);
}

#[test]
fn ot_reduces_cost_and_times_n256() {
    for n in [256, 1024] {
        let (x0, x1) = (normal_points(n, 3), normal_points(n, 4));
        let mut out = vec![0.0; 2 * n];
        let independent = Coupler::new(Pairing::Independent, n)
            .unwrap()
            .pair(&x0, &x1, &mut out);
        let mut coupler = Coupler::new(Pairing::OptimalTransport, n).unwrap();
        let start = Instant::now();
        let ot = coupler.pair(&x0, &x1, &mut out);
        eprintln!(
            "OT coupling n = {n}: {:.2} ms",
            start.elapsed().as_secs_f64() * 1e3
        );
        // Independent pairs of N(0, I) cost 4 per pair on average; OT is far cheaper.
        assert!(
            ot < 0.5 * independent,
            "OT {ot} vs independent {independent}"
        );
        assert!(is_permutation(coupler.permutation()));
    }
}

/// Realistic minibatches, as training draws them: N(0, I) noise against each built-in target at
/// n = 256; the coupler's total must match the Hungarian method's on the same squared distances.
#[test]
fn ot_coupler_matches_the_hungarian_method_on_target_batches() {
    let n = 256;
    let mut coupler = Coupler::new(Pairing::OptimalTransport, n).unwrap();
    let mut reference = reference::Hungarian::default();
    let mut out = vec![0.0; 2 * n];
    for name in crate::target::NAMES {
        let target = crate::target::Target::from_name(name).unwrap();
        for seed in 0..3 {
            let mut rng = StdRng::seed_from_u64(seed);
            let mut x1 = vec![0.0; 2 * n];
            target.sample(&mut rng, &mut x1);
            let x0 = normal_points(n, seed + 50);
            let total = coupler.pair(&x0, &x1, &mut out);
            let sq = |i: usize, j: usize| {
                (x0[2 * i] - x1[2 * j]).powi(2) + (x0[2 * i + 1] - x1[2 * j + 1]).powi(2)
            };
            let expected = reference.solve(sq, &mut vec![0; n]);
            assert!(is_permutation(coupler.permutation()));
            assert!(
                (total - expected).abs() <= 1e-9 * expected,
                "{name}, seed {seed}: {total} vs Hungarian {expected}"
            );
        }
    }
}

/// Degenerate batches: duplicated points (many equal costs), all points equal, a single point.
#[test]
fn ot_coupler_handles_degenerate_batches() {
    let mut reference = reference::Hungarian::default();
    let mut coupler = Coupler::new(Pairing::OptimalTransport, 256).unwrap();
    for n in [1, 2, 17, 256] {
        let mut out = vec![0.0; 2 * n];
        let x0 = normal_points(n, 60);
        // Four distinct data points, each repeated.
        let x1: Vec<f64> = (0..n)
            .flat_map(|i| [(i % 4) as f64, (i % 2) as f64 - 0.5])
            .collect();
        let total = coupler.pair(&x0, &x1, &mut out);
        let sq = |i: usize, j: usize| {
            (x0[2 * i] - x1[2 * j]).powi(2) + (x0[2 * i + 1] - x1[2 * j + 1]).powi(2)
        };
        let expected = reference.solve(sq, &mut vec![0; n]);
        assert!((total - expected).abs() <= 1e-9 * expected, "n = {n}");
        assert!(is_permutation(coupler.permutation()));
        // All noise points equal and all data points equal: every pairing costs the same.
        let (a, b) = (vec![0.25; 2 * n], vec![-1.0; 2 * n]);
        assert_eq!(
            coupler.pair(&a, &b, &mut out),
            n as f64 * 2.0 * 1.25f64.powi(2)
        );
        assert!(is_permutation(coupler.permutation()));
        // Identical batches: the optimum is zero.
        assert_eq!(coupler.pair(&x0, &x0, &mut out), 0.0);
        assert_eq!(out, x0);
    }
}
