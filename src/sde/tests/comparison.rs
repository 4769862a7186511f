//! The SDE/ODE figure's paths: one start, the eight centres at the end, frames that subdivide.

use crate::sde::comparison::{sde_paths, FRAMES, MAX_FRAMES};
use crate::sde::GaussianMixture;
use crate::target::gaussians::SIGMA;

#[test]
fn sde_and_ode_start_together_and_end_near_the_eight_centres() {
    let n = 200;
    let p = sde_paths(n, 3, 400, FRAMES).unwrap();
    let row = 2 * n as usize;
    assert_eq!(p.times.len(), FRAMES);
    assert_eq!((p.ode.len(), p.sde.len()), (FRAMES * row, FRAMES * row));
    assert_eq!(p.ode[..row], p.sde[..row], "same start at t = 0");
    let means = GaussianMixture::eight_gaussians().means().to_vec();
    for paths in [&p.ode, &p.sde] {
        let last = &paths[(FRAMES - 1) * row..];
        let mean_distance = last
            .chunks_exact(2)
            .map(|q| {
                means
                    .iter()
                    .map(|m| (q[0] - m[0]).hypot(q[1] - m[1]))
                    .fold(f64::INFINITY, f64::min)
            })
            .sum::<f64>()
            / n as f64;
        // A 2D N(m, σ² I) lies at mean distance σ √(π/2) from m (Rayleigh); standard error
        // σ √((4 - π)/2) / √n = 0.016 here.
        let expected = SIGMA * (std::f64::consts::PI / 2.0).sqrt();
        assert!(
            (mean_distance - expected).abs() < 0.065,
            "mean distance to a centre {mean_distance}, expected {expected}"
        );
    }
    assert!(sde_paths(0, 3, 10, FRAMES).is_err());
    assert!(sde_paths(5_001, 3, 10, FRAMES).is_err());
    assert!(sde_paths(10, 3, 0, FRAMES).is_err());
    assert!(sde_paths(10, 3, 10_001, FRAMES).is_err());
    // Points x steps is capped too: 5,000 points may not take 1,000 steps.
    assert!(sde_paths(5_000, 3, 1_000, FRAMES)
        .unwrap_err()
        .contains("n * steps"));
}

#[test]
fn more_frames_record_the_same_paths_more_often() {
    let (n, steps) = (50, 400);
    let coarse = sde_paths(n, 7, steps, FRAMES).unwrap();
    // 100 intervals of 4 steps each: the same 400 time steps as 20 intervals of 20.
    let fine = sde_paths(n, 7, steps, 101).unwrap();
    let row = 2 * n as usize;
    assert_eq!(fine.times.len(), 101);
    assert_eq!((fine.ode.len(), fine.sde.len()), (101 * row, 101 * row));
    assert_eq!(
        (fine.times[0], fine.times[100]),
        (0.0, coarse.times[FRAMES - 1])
    );
    for k in 0..FRAMES {
        let (c, f) = (k * row, 5 * k * row);
        for (a, b) in coarse.sde[c..c + row].iter().zip(&fine.sde[f..f + row]) {
            assert!((a - b).abs() < 1e-9, "SDE frame {k}: {a} vs {b}");
        }
        for (a, b) in coarse.ode[c..c + row].iter().zip(&fine.ode[f..f + row]) {
            assert!((a - b).abs() < 1e-9, "ODE frame {k}: {a} vs {b}");
        }
    }
    assert!(sde_paths(n, 7, steps, 1).is_err());
    assert!(sde_paths(n, 7, steps, MAX_FRAMES + 1).is_err());
    assert!(
        sde_paths(5_000, 7, steps, 201).is_err(),
        "too many recorded points"
    );
}
