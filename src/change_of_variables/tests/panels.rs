//! The change-of-variables figure's panels against closed forms: the Exponential (Gamma with
//! shape 1), Gaussian images of the affine map, the swirl's unchanged density, the sinh warp's box mass.

use crate::change_of_variables::gamma_panel::{line_panel, LineOptions};
use crate::change_of_variables::plane_panel::{
    named_map, plane_panel, plane_points, PlaneOptions, VIEW,
};
use std::f64::consts::{LN_2, PI, SQRT_2};

/// Φ(z) by erf (the core uses erfc), for independent closed forms.
fn phi(z: f64) -> f64 {
    0.5 * (1.0 + libm::erf(z / SQRT_2))
}

#[test]
fn gamma_panel_with_shape_one_is_the_exponential() {
    let theta = 2.0;
    let p = line_panel(1.0, theta, &LineOptions::default()).unwrap();
    assert_eq!((p.y.len(), p.pushed.len(), p.gamma.len()), (400, 400, 400));
    for ((&y, &q), &g) in p.y.iter().zip(&p.pushed).zip(&p.gamma) {
        let exact = (-y / theta).exp() / theta;
        assert!((q - exact).abs() < 1e-9 && (g - exact).abs() < 1e-12, "{y}");
    }
    assert!(p.max_abs_diff < 1e-9, "{}", p.max_abs_diff);
    assert!((p.mass - 1.0).abs() < 1e-6, "mass {}", p.mass);
    // Ticks at -2.5, -2, ..., 2.5 land at -θ ln(1 - Φ(x)); the middle one at the median θ ln 2.
    assert_eq!(p.ticks_x.len(), 11);
    assert!((p.ticks_y[5] - theta * LN_2).abs() < 1e-12);
    for (&x, &y) in p.ticks_x.iter().zip(&p.ticks_y) {
        let exact = -theta * (1.0 - phi(x)).ln();
        assert!(
            (y - exact).abs() < 1e-9 * (1.0 + exact),
            "{x}: {y} vs {exact}"
        );
    }
    // The window ends at the last tick; p_0 on [-3.5, 3.5] has mass 2Φ(3.5) - 1.
    assert!((p.y[399] - p.ticks_y[10]).abs() < p.ticks_y[10] / 400.0);
    let h = p.x[1] - p.x[0];
    let trapezoid: f64 = p.source.windows(2).map(|w| 0.5 * (w[0] + w[1]) * h).sum();
    assert!(
        (trapezoid - (2.0 * phi(3.5) - 1.0)).abs() < 1e-5,
        "{trapezoid}"
    );
}

#[test]
fn gamma_panel_mass_and_moments_hold_for_small_and_large_shape() {
    assert!(line_panel(100.5, 1.0, &LineOptions::default()).is_err());
    for (k, theta) in [
        (0.05, 1.0),
        (0.2, 3.0),
        (0.5, 1.0),
        (3.0, 0.5),
        (10.0, 2.0),
        (100.0, 1.0),
    ] {
        let o = LineOptions {
            samples: 40_000,
            ..LineOptions::default()
        };
        let p = line_panel(k, theta, &o).unwrap();
        assert!((p.mass - 1.0).abs() < 1e-5, "k {k}: mass {}", p.mass);
        assert!(
            (p.mean - k * theta).abs() < 1e-12 && (p.variance - k * theta * theta).abs() < 1e-12
        );
        let largest = p.gamma.iter().cloned().fold(0.0, f64::max);
        assert!(p.max_abs_diff < 1e-9 * largest, "k {k}: {}", p.max_abs_diff);
        let n = p.samples.len() as f64;
        let mean = p.samples.iter().sum::<f64>() / n;
        // Standard error √(kθ²/n); 4 of them allowed.
        assert!(
            (mean - k * theta).abs() < 4.0 * (k * theta * theta / n).sqrt(),
            "k {k}: {mean}"
        );
        assert!(
            p.ticks_y.windows(2).all(|w| w[1] > w[0]),
            "ticks must increase"
        );
    }
}

#[test]
fn gamma_panel_refuses_bad_input() {
    let ok = LineOptions::default();
    for (k, theta) in [
        (f64::NAN, 1.0),
        (0.0, 1.0),
        (2.0, -1.0),
        (2.0, f64::INFINITY),
    ] {
        assert!(line_panel(k, theta, &ok).is_err(), "{k} {theta}");
    }
    let bad = [
        LineOptions {
            points: 1,
            ..ok.clone()
        },
        LineOptions {
            samples: 0,
            ..ok.clone()
        },
        LineOptions {
            samples: 2_000_000,
            ..ok.clone()
        },
        LineOptions {
            ticks: 1,
            ..ok.clone()
        },
        LineOptions {
            tick_range: f64::NAN,
            ..ok.clone()
        },
        LineOptions {
            tick_range: 100.0,
            ..ok.clone()
        },
    ];
    for o in bad {
        assert!(line_panel(2.0, 1.0, &o).is_err(), "{o:?}");
    }
}

/// log N(y; 0, A Aᵀ) for the 2 x 2 matrix `a` (row-major).
fn gaussian_log_density(a: [f64; 4], y: [f64; 2]) -> f64 {
    let s = [
        a[0] * a[0] + a[1] * a[1],
        a[0] * a[2] + a[1] * a[3],
        a[2] * a[2] + a[3] * a[3],
    ];
    let det = s[0] * s[2] - s[1] * s[1];
    let q = (s[2] * y[0] * y[0] - 2.0 * s[1] * y[0] * y[1] + s[0] * y[1] * y[1]) / det;
    -0.5 * q - (2.0 * PI).ln() - 0.5 * det.ln()
}

#[test]
fn affine_map_pushes_the_normal_to_a_gaussian_with_covariance_a_at() {
    let a = [1.5, 0.8, 0.3, 0.5]; // the affine map at strength 1
    let o = PlaneOptions::default();
    let p = plane_panel("affine", 1.0, &o).unwrap();
    let h = 2.0 * VIEW / o.cells as f64;
    for (i, &d) in p.density.iter().enumerate().step_by(37) {
        let y = [
            -VIEW + h * ((i % o.cells) as f64 + 0.5),
            -VIEW + h * ((i / o.cells) as f64 + 0.5),
        ];
        let exact = gaussian_log_density(a, y).exp();
        assert!((d - exact).abs() < 1e-12, "{y:?}: {d} vs {exact}");
    }
    let ys = [0.7, -1.2, 3.0, 2.0];
    let v = plane_points("affine", 1.0, &ys).unwrap();
    for i in 0..2 {
        let (x, y) = (&v.x[2 * i..2 * i + 2], &ys[2 * i..2 * i + 2]);
        assert!(
            (a[0] * x[0] + a[1] * x[1] - y[0]).abs() + (a[2] * x[0] + a[3] * x[1] - y[1]).abs()
                < 1e-12
        );
        assert!((v.log_det[i] - 0.51f64.ln()).abs() < 1e-12);
        assert!((v.log_density[i] - gaussian_log_density(a, [y[0], y[1]])).abs() < 1e-12);
    }
}

#[test]
fn swirl_keeps_the_density_and_sinh_box_mass_is_exact() {
    let o = PlaneOptions::default();
    let p = plane_panel("swirl", 0.8, &o).unwrap();
    let h = 2.0 * VIEW / o.cells as f64;
    for (i, &d) in p.density.iter().enumerate() {
        let y = [
            -VIEW + h * ((i % o.cells) as f64 + 0.5),
            -VIEW + h * ((i / o.cells) as f64 + 0.5),
        ];
        let exact = (-0.5 * (y[0] * y[0] + y[1] * y[1])).exp() / (2.0 * PI);
        assert!((d - exact).abs() < 1e-13, "{y:?}");
    }
    // sinh at strength 1 (a = 0.8) is separable: φ(X) lies in the box iff |X_i| <= asinh(4a)/a.
    let fine = PlaneOptions {
        cells: 400,
        samples: 20_000,
        ..o
    };
    let p = plane_panel("sinh", 1.0, &fine).unwrap();
    let a: f64 = 0.8;
    let exact = (2.0 * phi((VIEW * a).asinh() / a) - 1.0).powi(2);
    assert!((p.mass - exact).abs() < 1e-4, "{} vs {exact}", p.mass);
    // The fraction of samples inside estimates the same number (standard error < 0.002).
    assert!((p.inside - exact).abs() < 0.008, "{} vs {exact}", p.inside);
    assert_eq!(p.samples.len(), 40_000);
}

#[test]
fn pushed_grid_lines_start_at_the_image_of_the_corner() {
    let o = PlaneOptions::default();
    let p = plane_panel("radial", 1.0, &o).unwrap();
    assert_eq!(p.lines.len(), 2 * 2 * o.lines * p.line_samples);
    // The radial map at strength 1 (c = 0.3) sends (-3, -3) to (-3, -3)(1 + 0.3 · 18).
    let corner = -3.0 * (1.0 + 0.3 * 18.0);
    assert!((p.lines[0] - corner).abs() < 1e-12 && (p.lines[1] - corner).abs() < 1e-12);
    // Probability leaving the box: the formula's mass and the samples' fraction agree.
    assert!(
        p.mass < 0.999 && (p.mass - p.inside).abs() < 0.05,
        "{} {}",
        p.mass,
        p.inside
    );
}

#[test]
fn plane_helpers_refuse_bad_input() {
    let o = PlaneOptions::default();
    assert!(named_map("twist", 0.5)
        .unwrap_err()
        .contains("wave, swirl, radial, sinh, affine"));
    for s in [f64::NAN, -0.1, 1.5, f64::INFINITY] {
        assert!(named_map("swirl", s).is_err(), "{s}");
    }
    for name in ["wave", "swirl", "radial", "sinh", "affine"] {
        assert!(
            named_map(name, 0.0).is_ok() && named_map(name, 1.0).is_ok(),
            "{name}"
        );
    }
    let bad = [
        PlaneOptions {
            cells: 1,
            ..o.clone()
        },
        PlaneOptions {
            cells: 5000,
            ..o.clone()
        },
        PlaneOptions {
            samples: 0,
            ..o.clone()
        },
        PlaneOptions {
            lines: 1,
            ..o.clone()
        },
        PlaneOptions {
            lines: 100_000,
            ..o.clone()
        },
    ];
    for b in bad {
        assert!(plane_panel("swirl", 0.5, &b).is_err(), "{b:?}");
    }
    for ys in [&[][..], &[1.0][..], &[0.0, f64::NAN][..]] {
        assert!(plane_points("sinh", 0.5, ys).is_err(), "{ys:?}");
    }
    // Finite but so far out that the preimage or its density overflows: an error, not inf or NaN.
    let far = plane_points("radial", 1.0, &[1.5e308, 0.0]).unwrap_err();
    assert!(far.contains("too far"), "{far}");
}
