//! Fixed invertible maps of the plane with closed-form inverses and Jacobian determinants.
//!
//! | map | y = φ(x) | φ^{-1}(y) | ln|det dφ/dx| |
//! |-----|----------|-----------|---------------|
//! | affine | A x + b | A^{-1}(y - b) | ln|det A| |
//! | swirl | rotation of x by θ(r) = ω e^{-r²/2s²}, r = |x| | rotation of y by -θ(|y|) | 0 |
//! | radial | x (1 + c r²) | y ρ⁻¹ r(ρ), ρ = |y|, r(ρ) the root of c r³ + r = ρ | ln(1 + c r²) + ln(1 + 3c r²) |
//! | sinh | (sinh(a x1), sinh(a x2)) / a | asinh(a y_i) / a | ln cosh(a x1) + ln cosh(a x2) |
//! | wave | x_i + b sin(2 x_i) / 2 | the root of x + b sin(2x) / 2 = y_i | Σ ln(1 + b cos 2x_i) |
//!
//! The swirl keeps |x| and, in polar coordinates (r, ϕ) -> (r, ϕ + θ(r)), has Jacobian [[1, 0], [θ', 1]]:
//! it preserves area, so it moves the density without changing its values along the way.
//! The radial map scales a ring of radius r by dρ/dr = 1 + 3cr² across and ρ/r = 1 + cr² along it.
//! Its inverse is Cardano's real root in hyperbolic form,
//! r(ρ) = 2 / √(3c) · sinh(asinh(3√(3c) ρ / 2) / 3), free of the cancellation of the radical form.
//! The radial and sinh maps only stretch (ln|det| >= 0), the swirl neither stretches nor squeezes;
//! the wave (|b| < 1) squeezes the bands where cos 2x_i < 0 and stretches those where it is > 0.
//! Each of its coordinates is increasing (slope 1 + b cos 2x >= 1 - |b| > 0), so its inverse is
//! the one root in [y - |b|/2, y + |b|/2], found by Newton steps kept inside a shrinking bracket.

/// An invertible map of the plane.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Map2 {
    Affine { a: [f64; 4], b: [f64; 2] },
    Swirl { strength: f64, radius: f64 },
    Radial { c: f64 },
    Sinh { a: f64 },
    Wave { b: f64 },
}

/// The x with x + b sin(2x) / 2 = y, for |b| < 1: Newton's method safeguarded by bisection.
fn wave_root(b: f64, y: f64) -> f64 {
    let (mut lo, mut hi) = (y - 0.5 * b.abs(), y + 0.5 * b.abs());
    let mut x = y;
    for _ in 0..100 {
        let f = x + 0.5 * b * (2.0 * x).sin() - y;
        if f == 0.0 {
            return x;
        }
        if f < 0.0 {
            lo = x;
        } else {
            hi = x;
        }
        let next = x - f / (1.0 + b * (2.0 * x).cos());
        let next = if next > lo && next < hi {
            next
        } else {
            0.5 * (lo + hi)
        };
        if (next - x).abs() <= 1e-15 * (1.0 + x.abs()) {
            return next;
        }
        x = next;
    }
    x
}

/// x rotated by the angle `angle`.
fn rotate(x: [f64; 2], angle: f64) -> [f64; 2] {
    let (s, c) = angle.sin_cos();
    [c * x[0] - s * x[1], s * x[0] + c * x[1]]
}

impl Map2 {
    /// y = A x + b with A row-major; needs finite entries and |det A| > 1e-12.
    pub fn affine(a: [f64; 4], b: [f64; 2]) -> Result<Self, String> {
        let det = a[0] * a[3] - a[1] * a[2];
        if a.iter().chain(&b).any(|v| !v.is_finite()) || det.abs() <= 1e-12 {
            return Err(format!(
                "affine map needs finite A, b with det A != 0, got det {det}"
            ));
        }
        Ok(Map2::Affine { a, b })
    }

    /// Rotation by strength · e^{-r²/(2 radius²)}; needs |strength| <= 100 and 0 < radius <= 100.
    pub fn swirl(strength: f64, radius: f64) -> Result<Self, String> {
        if !(strength.abs() <= 100.0 && radius > 0.0 && radius <= 100.0) {
            return Err(format!(
                "swirl needs |strength| <= 100 and radius in (0, 100], got {strength}, {radius}"
            ));
        }
        Ok(Map2::Swirl { strength, radius })
    }

    /// y = x (1 + c |x|²); needs 0 <= c <= 100 (c < 0 would fold the plane at r² = -1/3c).
    pub fn radial(c: f64) -> Result<Self, String> {
        if !(0.0..=100.0).contains(&c) {
            return Err(format!("radial map needs c in [0, 100], got {c}"));
        }
        Ok(Map2::Radial { c })
    }

    /// y_i = sinh(a x_i) / a; needs 0 < a <= 10.
    pub fn sinh(a: f64) -> Result<Self, String> {
        if !(a > 0.0 && a <= 10.0) {
            return Err(format!("sinh warp needs a in (0, 10], got {a}"));
        }
        Ok(Map2::Sinh { a })
    }

    /// y_i = x_i + b sin(2 x_i) / 2; needs |b| <= 0.95 (|b| < 1 keeps it invertible).
    pub fn wave(b: f64) -> Result<Self, String> {
        if b.is_nan() || b.abs() > 0.95 {
            return Err(format!("wave map needs |b| <= 0.95, got {b}"));
        }
        Ok(Map2::Wave { b })
    }

    /// y = φ(x).
    pub fn forward(&self, x: [f64; 2]) -> [f64; 2] {
        match *self {
            Map2::Affine { a, b } => [
                a[0] * x[0] + a[1] * x[1] + b[0],
                a[2] * x[0] + a[3] * x[1] + b[1],
            ],
            Map2::Swirl { strength, radius } => {
                let r2 = x[0] * x[0] + x[1] * x[1];
                rotate(x, strength * (-0.5 * r2 / (radius * radius)).exp())
            }
            Map2::Radial { c } => x.map(|v| v * (1.0 + c * (x[0] * x[0] + x[1] * x[1]))),
            Map2::Sinh { a } => x.map(|v| (a * v).sinh() / a),
            Map2::Wave { b } => x.map(|v| v + 0.5 * b * (2.0 * v).sin()),
        }
    }

    /// x = φ^{-1}(y).
    pub fn inverse(&self, y: [f64; 2]) -> [f64; 2] {
        match *self {
            Map2::Affine { a, b } => {
                let det = a[0] * a[3] - a[1] * a[2];
                let (u, v) = (y[0] - b[0], y[1] - b[1]);
                [(a[3] * u - a[1] * v) / det, (a[0] * v - a[2] * u) / det]
            }
            Map2::Swirl { strength, radius } => {
                let r2 = y[0] * y[0] + y[1] * y[1];
                rotate(y, -strength * (-0.5 * r2 / (radius * radius)).exp())
            }
            Map2::Radial { c } => {
                let rho = y[0].hypot(y[1]);
                if c == 0.0 || rho == 0.0 {
                    return y;
                }
                let k = (3.0 * c).sqrt();
                let r = 2.0 / k * ((1.5 * k * rho).asinh() / 3.0).sinh();
                y.map(|v| v * r / rho)
            }
            Map2::Sinh { a } => y.map(|v| (a * v).asinh() / a),
            Map2::Wave { b } => y.map(|v| wave_root(b, v)),
        }
    }

    /// ln|det dφ/dx| at x.
    pub fn log_abs_det(&self, x: [f64; 2]) -> f64 {
        match *self {
            Map2::Affine { a, .. } => (a[0] * a[3] - a[1] * a[2]).abs().ln(),
            Map2::Swirl { .. } => 0.0,
            Map2::Radial { c } => {
                let r2 = x[0] * x[0] + x[1] * x[1];
                (c * r2).ln_1p() + (3.0 * c * r2).ln_1p()
            }
            // ln cosh z = |z| + ln(1 + e^{-2|z|}) - ln 2, without overflow.
            Map2::Sinh { a } => x
                .iter()
                .map(|v| {
                    let z = (a * v).abs();
                    z + (-2.0 * z).exp().ln_1p() - std::f64::consts::LN_2
                })
                .sum(),
            Map2::Wave { b } => x.iter().map(|v| (b * (2.0 * v).cos()).ln_1p()).sum(),
        }
    }
}
