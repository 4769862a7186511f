//! The standard normal CDF Φ and its inverse, accurate in both tails.
//!
//! Φ(x) = erfc(-x/√2)/2 (erfc from `libm`, about 1 ulp), so Φ(-8) = 6.2e-16 keeps full relative
//! precision. Φ^{-1}(p) starts from Acklam's rational approximation (relative error < 1.2e-9) and takes
//! one Halley step on Φ(x) - p, with Φ' = φ and Φ'' = -x φ, which brings it to machine precision.

use std::f64::consts::{FRAC_1_SQRT_2, TAU};

/// Φ(x) = P(Z <= x) for Z ~ N(0, 1).
pub fn normal_cdf(x: f64) -> f64 {
    0.5 * libm::erfc(-x * FRAC_1_SQRT_2)
}

/// log φ(x) = -x²/2 - ln √(2π).
pub fn normal_log_pdf(x: f64) -> f64 {
    -0.5 * x * x - 0.5 * TAU.ln()
}

const A: [f64; 6] = [
    -3.969_683_028_665_376e1,
    2.209_460_984_245_205e2,
    -2.759_285_104_469_687e2,
    1.383_577_518_672_69e2,
    -3.066_479_806_614_716e1,
    2.506_628_277_459_239,
];
const B: [f64; 5] = [
    -5.447_609_879_822_406e1,
    1.615_858_368_580_409e2,
    -1.556_989_798_598_866e2,
    6.680_131_188_771_972e1,
    -1.328_068_155_288_572e1,
];
const C: [f64; 6] = [
    -7.784_894_002_430_293e-3,
    -3.223_964_580_411_365e-1,
    -2.400_758_277_161_838,
    -2.549_732_539_343_734,
    4.374_664_141_464_968,
    2.938_163_982_698_783,
];
const D: [f64; 4] = [
    7.784_695_709_041_462e-3,
    3.224_671_290_700_398e-1,
    2.445_134_137_142_996,
    3.754_408_661_907_416,
];

/// Horner evaluation of Σ c_i z^(n-1-i) (highest power first).
fn horner(c: &[f64], z: f64) -> f64 {
    c.iter().fold(0.0, |acc, &ci| acc * z + ci)
}

/// Acklam's approximation of the lower-tail quantile for p in (0, 1/2].
fn acklam_lower(p: f64) -> f64 {
    if p < 0.024_25 {
        let q = (-2.0 * p.ln()).sqrt();
        horner(&C, q) / (horner(&D, q) * q + 1.0)
    } else {
        let q = p - 0.5;
        let r = q * q;
        horner(&A, r) * q / (horner(&B, r) * r + 1.0)
    }
}

/// Φ^{-1}(p) for p in (0, 1); -inf at 0, +inf at 1, NaN outside [0, 1].
///
/// For p > 1/2 it uses Φ^{-1}(p) = -Φ^{-1}(1 - p); callers holding an accurate upper-tail
/// probability q = 1 - p should call `-normal_quantile(q)` themselves.
pub fn normal_quantile(p: f64) -> f64 {
    if !(0.0..=1.0).contains(&p) {
        return f64::NAN;
    }
    if p == 0.0 {
        return f64::NEG_INFINITY;
    }
    if p == 1.0 {
        return f64::INFINITY;
    }
    if p > 0.5 {
        return -normal_quantile(1.0 - p);
    }
    let x = acklam_lower(p);
    // Halley on f(x) = Φ(x) - p: u = f / φ, x ← x - u / (1 + x u / 2).
    let u = (normal_cdf(x) - p) / normal_log_pdf(x).exp();
    x - u / (1.0 + 0.5 * x * u)
}
