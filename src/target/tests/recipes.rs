//! Sample moments in closed form for each FFJORD recipe: they fix the scaling and the noise.

use super::{moments, samples};
use crate::target::{gaussians, Target, NAMES};
use std::f64::consts::PI;

fn assert_moments(name: &str, mean: [f64; 2], second: f64, tol: f64) {
    let target = Target::from_name(name).unwrap();
    let (m, s) = moments(&target, 400_000);
    assert!(
        (m[0] - mean[0]).abs() < tol && (m[1] - mean[1]).abs() < tol,
        "{name} mean {m:?}"
    );
    // 0.5%: several standard errors, yet a wrong noise level or scale would exceed it.
    assert!(
        (s - second).abs() < 0.005 * second,
        "{name} E|x|^2 {s} vs {second}"
    );
}

#[test]
fn sample_moments_match_ffjord_recipes() {
    let s = gaussians::SIGMA;
    let r = gaussians::RADIUS;
    assert_moments("8gaussians", [0.0, 0.0], 2.0 * s * s + r * r, 0.01);
    // Moons: theta ~ U[0, pi], E cos = 0, E sin = 2/pi, E cos^2 = E sin^2 = 1/2. After the map,
    // upper (2 cos - 1, 2 sin - 0.2), lower (1 - 2 cos, 0.8 - 2 sin), plus noise variance 0.04 each.
    let moons_second = 0.5 * (3.0 + 2.04 - 1.6 / PI + 3.0 + 2.64 - 6.4 / PI) + 0.08;
    assert_moments("moons", [0.0, 0.3], moons_second, 0.01);
    assert_moments("pinwheel", [0.0, 0.0], 4.0 * (1.0 + 0.09 + 0.01), 0.01);
    assert_moments(
        "circles",
        [0.0, 0.0],
        (9.0 + 2.25) / 2.0 + 2.0 * 0.24 * 0.24,
        0.01,
    );
    let rings = (9.0 + 2.25f64.powi(2) + 2.25 + 0.5625) / 4.0 + 2.0 * 0.08 * 0.08;
    assert_moments("rings", [0.0, 0.0], rings, 0.01);
    // Spirals: n has density 2n/(3 pi)^2 on [0, 3 pi]; E n^2 = 9 pi^2 / 2,
    // E[n cos n] = -4/(3 pi), E[n sin n] = 2 (9 pi^2 - 4) / (9 pi^2).
    let (e_ncos, e_nsin) = (
        -4.0 / (3.0 * PI),
        2.0 * (9.0 * PI * PI - 4.0) / (9.0 * PI * PI),
    );
    let d2 = 4.5 * PI * PI + 0.5 * (e_nsin - e_ncos) + 1.0 / 6.0;
    assert_moments("2spirals", [0.0, 0.0], d2 / 9.0 + 0.02, 0.01);
    // Swiss roll: t ~ U[a, b] = [1.5 pi, 4.5 pi]; (b - a) E[t cos t] = [t sin t + cos t]_a^b = 6 pi,
    // (b - a) E[t sin t] = [sin t - t cos t]_a^b = 2.
    let (a, b) = (1.5 * PI, 4.5 * PI);
    let e_t2 = (b.powi(3) - a.powi(3)) / (3.0 * (b - a));
    let (e_tcos, e_tsin) = (6.0 * PI / (b - a), 2.0 / (b - a));
    assert_moments(
        "swissroll",
        [e_tcos / 5.0, e_tsin / 5.0],
        (e_t2 + 2.0) / 25.0,
        0.01,
    );
}

#[test]
fn sampling_is_seeded() {
    for name in NAMES {
        let target = Target::from_name(name).unwrap();
        assert_eq!(samples(&target, 50, 1), samples(&target, 50, 1), "{name}");
        assert_ne!(samples(&target, 50, 1), samples(&target, 50, 2), "{name}");
    }
}
