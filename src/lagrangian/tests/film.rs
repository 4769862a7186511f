//! The film of a mesh: its frames against the incrementally advanced mesh and the closed form of
//! an affine flow, bands of rows that join into the whole, and the rasterised density on a grid.

use super::fields::bent;
use super::mesh;
use crate::density::standard_normal_log_density;
use crate::field::analytic::Affine;
use crate::field::pointwise::Pointwise;
use crate::integrate::tests::fields::expm;
use crate::integrate::Method;
use crate::lagrangian::{compare_at_vertices, film, GridFrame, MeshConfig};

const A: [f64; 4] = [0.4, -1.1, 0.7, -0.9];

fn times(count: usize) -> Vec<f64> {
    (0..count).map(|k| k as f64 / (count - 1) as f64).collect()
}

#[test]
fn frames_match_the_mesh_advanced_frame_by_frame() {
    let config = MeshConfig {
        side: 12,
        ..MeshConfig::default()
    };
    let ts = times(61);
    let f = film(
        &mut Pointwise(bent),
        &config,
        0..12,
        &ts,
        Method::Rk4 { steps: 40 },
    )
    .unwrap();
    assert_eq!(
        (f.vertices, f.positions.len(), f.log_density.len()),
        (144, 61 * 288, 61 * 144)
    );
    let mut reference = mesh(12);
    let mut worst: f64 = 0.0;
    for (k, &t) in ts.iter().enumerate().skip(1) {
        reference
            .advance_to(&mut Pointwise(bent), t, Method::Rk4 { steps: 8 })
            .unwrap();
        let (positions, log_density) = (
            &f.positions[k * 288..(k + 1) * 288],
            &f.log_density[k * 144..(k + 1) * 144],
        );
        let gaps = positions
            .iter()
            .zip(reference.positions())
            .chain(log_density.iter().zip(reference.log_density()))
            .map(|(&a, &b)| (a as f64 - b).abs());
        worst = gaps.fold(worst, f64::max);
    }
    // Hermite between RK4 steps of 1/40 against RK4 onto every frame: both ~1e-7 from the truth,
    // and f32 storage rounds to ~1e-6 of |x| ≤ 5.
    assert!(worst < 2e-5, "largest gap {worst}");
}

#[test]
fn an_affine_flow_gives_the_matrix_exponential_and_bands_join_into_the_mesh() {
    let config = MeshConfig {
        side: 10,
        ..MeshConfig::default()
    };
    let ts = [0.0, 0.3, 0.8];
    let run = |rows| {
        film(
            &mut Affine::linear(A),
            &config,
            rows,
            &ts,
            Method::Rk4 { steps: 30 },
        )
    };
    let whole = run(0..10).unwrap();
    let (low, high) = (run(0..4).unwrap(), run(4..10).unwrap());
    for (k, &t) in ts.iter().enumerate() {
        let m = expm(A, t);
        // log p_t(x_t) = log N(x_0) - t tr A.
        for v in 0..100 {
            let (i, j) = (v % 10, v / 10);
            let x0 = [-3.0 + i as f64 * 6.0 / 9.0, -3.0 + j as f64 * 6.0 / 9.0];
            let x = m * nalgebra::Vector2::from(x0);
            let at = k * 100 + v;
            assert!((whole.positions[2 * at] as f64 - x[0]).abs() < 1e-5);
            assert!((whole.positions[2 * at + 1] as f64 - x[1]).abs() < 1e-5);
            let log_p = standard_normal_log_density(&x0) - t * (A[0] + A[3]);
            assert!((whole.log_density[at] as f64 - log_p).abs() < 1e-5);
            let band = if j < 4 { (&low, v) } else { (&high, v - 40) };
            let per_frame = band.0.vertices;
            assert_eq!(
                band.0.log_density[k * per_frame + band.1],
                whole.log_density[at]
            );
        }
    }
}

/// The exact cell averages of N(0, I) on `cells` × `cells` over [-half, half]².
fn normal_cell_averages(cells: usize, half: f64) -> Vec<f32> {
    let h = 2.0 * half / cells as f64;
    let phi = |x: f64| 0.5 * (1.0 + libm::erf(x / std::f64::consts::SQRT_2));
    let axis: Vec<f64> = (0..cells)
        .map(|i| (phi(-half + (i + 1) as f64 * h) - phi(-half + i as f64 * h)) / h)
        .collect();
    (0..cells * cells)
        .map(|k| (axis[k % cells] * axis[k / cells]) as f32)
        .collect()
}

#[test]
fn the_grid_read_at_the_vertices_gives_the_l1_distance() {
    let mesh = MeshConfig {
        side: 64,
        xmin: -4.5,
        xmax: 4.5,
        ymin: -4.5,
        ymax: 4.5,
    };
    let f = film(
        &mut Affine::linear(A),
        &mesh,
        0..64,
        &[0.0],
        Method::Rk4 { steps: 1 },
    )
    .unwrap();
    let exact = normal_cell_averages(128, 4.5);
    let gap = |density: &[f32]| {
        let grid = GridFrame {
            density,
            cells: 128,
            bounds: [-4.5, 4.5, -4.5, 4.5],
        };
        compare_at_vertices(&mesh, &f.positions, &f.log_density, grid).unwrap()
    };
    // The exact averages, turned into point values and interpolated: agreement to O(h⁴).
    let same = gap(&exact);
    assert!(same.l1 < 1e-4, "L1 {}", same.l1);
    assert!(same.difference.iter().all(|d| d.abs() < 1e-4));
    // An empty grid is the whole mass of N(0, I) in the box away: (erf(4.5/√2))² = 0.999986.
    let empty = gap(&vec![0.0; 128 * 128]);
    assert!((empty.l1 - 0.999986).abs() < 1e-3, "L1 {}", empty.l1);
    // Twice the density is one unit of mass too many.
    let doubled: Vec<f32> = exact.iter().map(|p| 2.0 * p).collect();
    assert!((gap(&doubled).l1 - 1.0).abs() < 1e-3);
    let short = GridFrame {
        density: &exact[1..],
        cells: 128,
        bounds: [-4.5, 4.5, -4.5, 4.5],
    };
    assert!(compare_at_vertices(&mesh, &f.positions, &f.log_density, short).is_err());
    let grid = GridFrame {
        density: &exact,
        cells: 128,
        bounds: [-4.5, 4.5, -4.5, 4.5],
    };
    assert!(compare_at_vertices(&mesh, &f.positions[2..], &f.log_density, grid).is_err());
}

#[test]
fn bad_films_are_errors() {
    let config = MeshConfig::default();
    let mut field = Affine::linear(A);
    let rk4 = Method::Rk4 { steps: 4 };
    assert!(film(&mut field, &config, 3..3, &[1.0], rk4).is_err());
    assert!(film(&mut field, &config, 0..65, &[1.0], rk4).is_err());
    assert!(film(&mut field, &config, 0..4, &[], rk4).is_err());
    assert!(film(&mut field, &config, 0..4, &[0.5, 0.2], rk4).is_err());
    assert!(film(&mut field, &config, 0..4, &[1.5], rk4).is_err());
    assert!(film(&mut field, &config, 0..4, &[f64::NAN], rk4).is_err());
    let only_start = film(&mut field, &config, 0..1, &[0.0, 0.0], rk4).unwrap();
    assert_eq!(only_start.positions[..128], only_start.positions[128..]);
}
