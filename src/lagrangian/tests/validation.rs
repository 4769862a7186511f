//! Invalid settings are errors, never panics, and leave a mesh untouched.

use super::fields::bent;
use super::mesh;
use crate::field::pointwise::Pointwise;
use crate::integrate::Method;
use crate::lagrangian::{diagnose, Mesh, MeshConfig, MAX_MESH_SIDE, MAX_SAMPLES};

#[test]
fn bad_mesh_configs_are_errors() {
    let with = |f: fn(&mut MeshConfig)| {
        let mut c = MeshConfig::default();
        f(&mut c);
        Mesh::new(c)
    };
    assert!(with(|c| c.side = 0).is_err());
    assert!(with(|c| c.side = 1).is_err());
    assert!(with(|c| c.side = MAX_MESH_SIDE + 1).is_err());
    assert!(with(|c| c.side = usize::MAX).is_err());
    assert!(with(|c| c.xmin = f64::NAN).is_err());
    assert!(with(|c| c.ymax = f64::INFINITY).is_err());
    assert!(with(|c| c.xmax = c.xmin).is_err());
    assert!(with(|c| (c.ymin, c.ymax) = (-f64::MAX, f64::MAX)).is_err());
    let default = with(|_| ()).unwrap();
    assert_eq!(
        (default.vertices(), default.triangles().len()),
        (4096, 6 * 63 * 63)
    );
}

#[test]
fn bad_advance_arguments_are_errors_that_keep_the_mesh() {
    let mut m = mesh(6);
    m.advance_to(&mut Pointwise(bent), 0.3, Method::Rk4 { steps: 4 })
        .unwrap();
    let before = m.positions().to_vec();
    assert!(m
        .advance_to(&mut Pointwise(bent), f64::NAN, Method::Rk4 { steps: 4 })
        .is_err());
    assert!(m
        .advance_to(&mut Pointwise(bent), 0.5, Method::Rk4 { steps: 0 })
        .is_err());
    assert_eq!((m.time(), m.positions()), (0.3, &before[..]));
    assert!(m.jacobian(36).is_none() && m.jacobian(35).is_some());
}

#[test]
fn bad_diagnostic_inputs_are_errors() {
    let good_times = [0.0, 0.25, 0.5, 0.75, 1.0];
    let rk4 = Method::Rk4 { steps: 10 };
    let run = |starts: &[f64], times: &[f64]| diagnose(&mut Pointwise(bent), starts, times, rk4);
    assert!(run(&[0.0, 0.0], &good_times).is_ok());
    assert!(run(&[], &good_times).is_err());
    assert!(run(&[0.0], &good_times).is_err());
    assert!(run(&[0.0, f64::NAN], &good_times).is_err());
    assert!(run(&[0.0, 0.0], &[]).is_err());
    assert!(run(&[0.0, 0.0], &good_times[..4]).is_err());
    assert!(run(&[0.0, 0.0], &[0.0, 0.25, f64::NAN, 0.75, 1.0]).is_err());
    assert!(run(&[0.0, 0.0], &[0.0, 0.5, 0.25, 0.75, 1.0]).is_err());
    assert!(run(&[0.0, 0.0], &[0.0, 0.25, 0.25, 0.75, 1.0]).is_err());
    assert!(run(&[0.0, 0.0], &[0.0, 0.25, 0.5, 0.75, 1.5]).is_err());
    assert!(run(&[0.0, 0.0], &[-0.1, 0.25, 0.5, 0.75, 1.0]).is_err());
    let many = vec![0.0; 2 * (MAX_SAMPLES / 5 + 1)];
    assert!(run(&many, &good_times).is_err());
    assert!(diagnose(
        &mut Pointwise(bent),
        &[0.0, 0.0],
        &good_times,
        Method::Euler { steps: 0 }
    )
    .is_err());
}
