//! Tests that run inside a real browser (`wasm-pack test --headless --firefox`): the binding
//! layer as JavaScript sees it, including what bad input does (an error, never a dead instance).
#![cfg(target_arch = "wasm32")]

use flowlab::bindings::{
    change_of_variables_1d, change_of_variables_2d, change_of_variables_at, compare_views,
    eulerian_film, face_velocities, lagrangian_film, residual_convergence, sde_vs_ode,
    standard_normal_samples, trajectory_check, CouplingModel, EulerianView, FlowModel,
    LagrangianView,
};
use js_sys::{Array, Float32Array, Float64Array, Object, Reflect};
use wasm_bindgen::{JsError, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A plain object from key-value pairs.
fn obj(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        Reflect::set(&o, &JsValue::from_str(k), v).unwrap();
    }
    o.into()
}

/// The message of a `JsError`, as JavaScript would see it.
fn message(err: JsError) -> String {
    js_sys::Error::from(JsValue::from(err)).message().into()
}

fn get(o: &JsValue, key: &str) -> JsValue {
    Reflect::get(o, &JsValue::from_str(key)).unwrap()
}

fn small_model() -> FlowModel {
    FlowModel::new(obj(&[
        ("width", 16.into()),
        ("depth", 2.into()),
        ("batch", 64.into()),
    ]))
    .unwrap()
}

#[wasm_bindgen_test]
fn normal_samples_have_zero_mean_and_unit_variance() {
    let n = 20_000;
    let xs = standard_normal_samples(n, 7).expect("valid request");
    assert_eq!(xs.len(), 2 * n as usize);
    for axis in 0..2 {
        let values: Vec<f64> = xs.iter().skip(axis).step_by(2).copied().collect();
        let mean = values.iter().sum::<f64>() / f64::from(n);
        let var = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / f64::from(n - 1);
        // Standard errors: 1/sqrt(n) = 0.007 for the mean, sqrt(2/n) = 0.01 for the variance.
        assert!(mean.abs() < 0.035, "mean {mean}");
        assert!((var - 1.0).abs() < 0.05, "variance {var}");
    }
}

#[wasm_bindgen_test]
fn training_in_the_browser_lowers_the_loss() {
    let mut model = FlowModel::new(JsValue::UNDEFINED).unwrap();
    assert_eq!(model.n_params(), 8706, "M64 by default");
    let losses = model.train_step(300).unwrap();
    assert_eq!(losses.len(), 300);
    let first: f32 = losses[..30].iter().sum::<f32>() / 30.0;
    let last: f32 = losses[270..].iter().sum::<f32>() / 30.0;
    assert!(last < 0.8 * first, "loss {first} -> {last}");
    assert_eq!(model.steps(), 300.0);
}

#[wasm_bindgen_test]
fn bad_settings_are_errors_that_say_what_was_wrong() {
    let cases: Vec<(JsValue, &str)> = vec![
        (obj(&[("width", 0.into())]), "width"),
        (obj(&[("lr", (-1.0).into())]), "learning rate"),
        (obj(&[("lr", f64::NAN.into())]), "learning rate"),
        (obj(&[("batch", 0.into())]), "batch"),
        (obj(&[("target", "9gaussians".into())]), "9gaussians"),
        (obj(&[("widht", 64.into())]), "unknown option 'widht'"),
        (obj(&[("width", "wide".into())]), "bad options"),
        (
            obj(&[("target", "points".into())]),
            "needs an array of points",
        ),
        (
            obj(&[
                ("target", "points".into()),
                ("points", Float64Array::from(&[0.0, f64::NAN][..]).into()),
            ]),
            "finite",
        ),
        (JsValue::from_str("8gaussians"), "options must be an object"),
    ];
    for (options, expected) in cases {
        let err = FlowModel::new(options).err().expect("an error");
        let text = message(err);
        assert!(
            text.to_lowercase().contains(&expected.to_lowercase()),
            "'{text}' should mention '{expected}'"
        );
    }
    let mut model = small_model();
    assert!(model.train_step(0).is_err());
    assert!(model.train_step(10_000_000).is_err());
    assert!(model.velocity(&[0.0, 1.0, 2.0], 0.5).is_err(), "odd length");
    assert!(model.velocity(&[0.0, f64::INFINITY], 0.5).is_err());
    assert!(model.velocity(&[0.0, 1.0], f64::NAN).is_err());
    assert!(model
        .log_density(&[0.0, 0.0], obj(&[("steps", 0.into())]))
        .is_err());
    assert!(model
        .log_density(&[0.0, 0.0], obj(&[("method", "rk5".into())]))
        .is_err());
    assert!(model
        .log_density(&[0.0, 0.0], obj(&[("estimator", "guess".into())]))
        .is_err());
    assert!(model
        .integrate(
            &[0.0, 0.0],
            obj(&[
                ("times", Array::of2(&1.0.into(), &0.5.into()).into()),
                ("t0", 1.5.into())
            ])
        )
        .is_err());
    assert!(FlowModel::load(&[1, 2, 3]).is_err());
    // Each setting within its range, the product too much work for one call: an error at once.
    let mut big = FlowModel::new(obj(&[("width", 1024.into()), ("depth", 4.into())])).unwrap();
    assert!(message(big.train_step(100_000).unwrap_err()).contains("more work"));
    let many = vec![0.5; 200_000];
    let slow = obj(&[("steps", 100_000.into())]);
    assert!(message(model.log_density(&many, slow).unwrap_err()).contains("more work"));
    // After all of that, the instance still trains and answers.
    assert_eq!(model.train_step(5).unwrap().len(), 5);
    assert_eq!(model.velocity(&[0.0, 1.0], 0.5).unwrap().len(), 2);
}

#[wasm_bindgen_test]
fn integrate_density_and_save_agree_with_each_other() {
    let mut model = small_model();
    model.train_step(200).unwrap();
    let x0 = model.sample_base(8, 3).unwrap();
    let opts = obj(&[
        ("times", Array::of2(&0.5.into(), &1.0.into()).into()),
        ("log_det", true.into()),
        ("steps", 100.into()),
    ]);
    let moved = model.integrate(&x0, opts).unwrap();
    let positions: Vec<f64> = Float64Array::from(get(&moved, "positions")).to_vec();
    let log_det: Vec<f64> = Float64Array::from(get(&moved, "log_det")).to_vec();
    assert_eq!(positions.len(), 2 * 16);
    assert_eq!(log_det.len(), 2 * 8);
    // Lagrangian (log N(x0) - log det J) against the exact density by backward integration.
    let x1 = &positions[16..];
    let exact = model
        .log_density(x1, obj(&[("steps", 100.into())]))
        .unwrap();
    for i in 0..8 {
        let (x, y) = (x0[2 * i], x0[2 * i + 1]);
        let log_n = -0.5 * (x * x + y * y) - (2.0 * std::f64::consts::PI).ln();
        assert!(
            (log_n - log_det[8 + i] - exact[i]).abs() < 1e-3,
            "point {i}"
        );
    }
    // A saved model gives the same densities; a damaged one is refused.
    let bytes = model.save();
    let loaded = FlowModel::load(&bytes).unwrap();
    assert_eq!(
        loaded
            .log_density(x1, obj(&[("steps", 100.into())]))
            .unwrap(),
        exact
    );
    let mut damaged = bytes.clone();
    damaged[bytes.len() / 2] ^= 0x40;
    assert!(FlowModel::load(&damaged).is_err());
    assert!(FlowModel::load(&bytes[..bytes.len() - 3]).is_err());
}

#[wasm_bindgen_test]
fn the_two_density_views_run_and_conserve_mass() {
    let mut model = small_model();
    model.train_step(100).unwrap();
    let mut grid = EulerianView::new(obj(&[("cells", 48.into())])).unwrap();
    grid.advance_to(&model, 0.5).unwrap();
    let density = grid.density();
    assert_eq!(density.len(), 48 * 48);
    assert!(density.iter().all(|&p| p >= 0.0));
    let balance = grid.mass() + grid.outflow() - grid.initial_mass();
    assert!(balance.abs() < 1e-12, "mass balance {balance}");
    let agreement = grid.compare(&model, JsValue::UNDEFINED).unwrap();
    assert!(get(&agreement, "l1").as_f64().unwrap() < 0.1);
    assert!(EulerianView::new(obj(&[("cells", 0.into())])).is_err());
    assert!(EulerianView::new(obj(&[("cfl", 5.0.into())])).is_err());
    assert!(grid.advance_to(&model, 2.0).is_err());

    let mut mesh = LagrangianView::new(obj(&[("n", 16.into())])).unwrap();
    mesh.advance_to(&model, 1.0, obj(&[("steps", 20.into())]))
        .unwrap();
    assert_eq!(mesh.positions().len(), 2 * 256);
    assert_eq!(mesh.triangles().len(), 3 * 2 * 15 * 15);
    assert!(mesh.log_density().iter().all(|l| l.is_finite()));
    assert!(LagrangianView::new(obj(&[("n", 100_000.into())])).is_err());

    let check = trajectory_check(&model, &[0.5, -0.5], obj(&[("steps", 400.into())])).unwrap();
    assert!(get(&check, "max_gap").as_f64().unwrap() < 1e-3);
    assert!(trajectory_check(&model, &[0.5], JsValue::UNDEFINED).is_err());
}

#[wasm_bindgen_test]
fn the_density_films_join_from_parts_agree_and_refuse_bad_input() {
    let mut model = small_model();
    model.train_step(100).unwrap();
    let grid = || {
        obj(&[
            ("cells", 32.into()),
            (
                "box",
                Array::of4(&(-4.5).into(), &4.5.into(), &(-4.5).into(), &4.5.into()).into(),
            ),
        ])
    };
    let mesh = || {
        obj(&[
            ("n", 16.into()),
            (
                "box",
                Array::of4(&(-4.5).into(), &4.5.into(), &(-4.5).into(), &4.5.into()).into(),
            ),
        ])
    };
    let nodes = [0.0, 0.25, 0.5, 0.75, 1.0];
    let times: Vec<f64> = (0..=10).map(|k| k as f64 / 10.0).collect();
    // The table sampled in two parts (as two workers would) equals the table sampled at once.
    let whole = face_velocities(&model, grid(), &nodes).unwrap().to_vec();
    let mut parts = face_velocities(&model, grid(), &nodes[..2])
        .unwrap()
        .to_vec();
    parts.extend(
        face_velocities(&model, grid(), &nodes[2..])
            .unwrap()
            .to_vec(),
    );
    assert_eq!(whole, parts);
    let film = eulerian_film(grid(), &nodes, &whole, &times).unwrap();
    let density = Float32Array::from(get(&film, "density")).to_vec();
    assert_eq!(density.len(), 11 * 32 * 32);
    assert!(density.iter().all(|&p| p >= 0.0));
    let mass = floats(&film, "mass");
    let outflow = floats(&film, "outflow");
    assert!((mass[10] + outflow[10] - mass[0]).abs() < 1e-9);
    // Two bands of the mesh joined frame by frame equal the whole mesh.
    let band = |a, b| lagrangian_film(&model, mesh(), a, b, &times, JsValue::UNDEFINED).unwrap();
    let all = band(0, 16);
    let log_density = Float32Array::from(get(&all, "log_density")).to_vec();
    let (low, high) = (band(0, 5), band(5, 16));
    let low = Float32Array::from(get(&low, "log_density")).to_vec();
    let high = Float32Array::from(get(&high, "log_density")).to_vec();
    assert_eq!(
        &log_density[10 * 256..10 * 256 + 80],
        &low[10 * 80..11 * 80]
    );
    assert_eq!(
        &log_density[10 * 256 + 80..11 * 256],
        &high[10 * 176..11 * 176]
    );
    let positions = Float32Array::from(get(&all, "positions")).to_vec();
    let gaps = compare_views(mesh(), &positions, &log_density, grid(), &density).unwrap();
    let l1 = floats(&gaps, "l1");
    assert_eq!(l1.len(), 11);
    assert!(l1[0] < 0.01 && l1[10] < 0.2, "{l1:?}");
    // Bad input is an error that names the call, and the model answers afterwards.
    let bad = |e: JsError, what: &str| {
        let m = message(e);
        assert!(m.contains(what), "{m}");
    };
    bad(
        face_velocities(&model, grid(), &[]).unwrap_err(),
        "face_velocities",
    );
    bad(
        face_velocities(&model, grid(), &[f64::NAN]).unwrap_err(),
        "finite",
    );
    bad(
        face_velocities(&model, obj(&[("cells", 1.into())]), &[0.0]).unwrap_err(),
        "cells",
    );
    bad(
        eulerian_film(grid(), &nodes, &whole[1..], &times).unwrap_err(),
        "eulerian_film",
    );
    bad(
        eulerian_film(grid(), &[0.0, 0.0, 1.0, 2.0, 3.0], &whole, &times).unwrap_err(),
        "increasing",
    );
    bad(
        eulerian_film(grid(), &nodes[..4], &whole[..4 * 2 * 32 * 33], &times).unwrap_err(),
        "outside",
    );
    bad(
        lagrangian_film(&model, mesh(), 3, 99, &times, JsValue::UNDEFINED).unwrap_err(),
        "rows",
    );
    bad(
        lagrangian_film(&model, mesh(), 0, 16, &[0.5, 0.2], JsValue::UNDEFINED).unwrap_err(),
        "ascending",
    );
    let dopri = obj(&[("method", "dopri5".into())]);
    bad(
        lagrangian_film(&model, mesh(), 0, 16, &times, dopri).unwrap_err(),
        "fixed-step",
    );
    bad(
        compare_views(mesh(), &positions, &log_density[1..], grid(), &density).unwrap_err(),
        "compare_views",
    );
    assert!(model.train_step(5).is_ok());
}

/// A `Float64Array` property as a vector.
fn floats(o: &JsValue, key: &str) -> Vec<f64> {
    Float64Array::from(get(o, key)).to_vec()
}

#[wasm_bindgen_test]
fn notebook_figures_have_their_shapes_and_refuse_bad_input() {
    let model = small_model();
    let r = residual_convergence(&model, &[0.0, 0.5, -1.0, 1.0], &[10, 100, 1000]).unwrap();
    let levels = Array::from(&get(&r, "levels"));
    assert_eq!(levels.length(), 3);
    assert_eq!(floats(&get(&r, "exact"), "positions").len(), 4);
    let errors: Vec<f64> = levels
        .iter()
        .map(|l| get(&l, "position_rms_error").as_f64().unwrap())
        .collect();
    assert!(errors[2] < errors[0], "K = 1000 beats K = 10: {errors:?}");
    let folded = get(&levels.get(2), "folded").as_f64();
    assert_eq!(folded, Some(0.0), "K = 1000 small steps fold nothing");
    assert!(residual_convergence(&model, &[0.0, 0.5], &[0]).is_err());
    assert!(residual_convergence(&model, &[0.0], &[4]).is_err());

    let p = sde_vs_ode(10, 1, 50, None).unwrap();
    let frames = floats(&p, "times").len();
    assert_eq!(floats(&p, "ode").len(), frames * 20);
    assert_eq!(floats(&p, "sde").len(), frames * 20);
    assert!(sde_vs_ode(0, 1, 50, None).is_err());
    assert_eq!(
        floats(&sde_vs_ode(10, 1, 50, Some(51)).unwrap(), "times").len(),
        51
    );
    assert!(sde_vs_ode(10, 1, 0, None).is_err());
    assert!(sde_vs_ode(10, 1, 50, Some(1)).is_err());
}

#[wasm_bindgen_test]
fn change_of_variables_exports_read_options_and_refuse_bad_input() {
    // Gamma(1, 2) is the Exponential: the middle of 11 ticks on [-2.5, 2.5] lands at 2 ln 2.
    let p = change_of_variables_1d(1.0, 2.0, obj(&[("samples", 100.into())])).unwrap();
    assert_eq!(floats(&p, "samples").len(), 100);
    assert!((floats(&p, "ticks_y")[5] - 2.0 * 2f64.ln()).abs() < 1e-9);
    assert!(get(&p, "max_abs_diff").as_f64().unwrap() < 1e-9);
    let typo = change_of_variables_1d(2.0, 1.0, obj(&[("sample", 100.into())])).unwrap_err();
    assert!(message(typo).contains("unknown option 'sample'"));
    assert!(change_of_variables_1d(f64::NAN, 1.0, JsValue::UNDEFINED).is_err());
    assert!(change_of_variables_1d(2.0, 1.0, obj(&[("points", (-3).into())])).is_err());

    let q = change_of_variables_2d("swirl", 0.5, obj(&[("cells", 16.into())])).unwrap();
    assert_eq!(floats(&q, "density").len(), 256);
    let unknown = change_of_variables_2d("twist", 0.5, JsValue::UNDEFINED).unwrap_err();
    assert!(message(unknown).contains("unknown map 'twist'"));
    assert!(change_of_variables_2d("swirl", 2.0, JsValue::NULL).is_err());
    // The affine map at strength 1 has det A = 1 - 0.49 everywhere.
    let at = change_of_variables_at("affine", 1.0, &[0.5, -0.5]).unwrap();
    assert!((floats(&at, "log_det")[0] - 0.51f64.ln()).abs() < 1e-12);
    assert!(change_of_variables_at("affine", 1.0, &[0.5]).is_err());
}

#[wasm_bindgen_test]
fn coupling_model_trains_splits_its_likelihood_and_refuses_bad_input() {
    let mut model = CouplingModel::new(obj(&[("layers", 4.into()), ("batch", 64.into())])).unwrap();
    let r = model.train_step(20).unwrap();
    let (losses, base, log_det) = (
        floats(&r, "losses"),
        floats(&r, "base"),
        floats(&r, "log_det"),
    );
    assert_eq!((losses.len(), base.len(), log_det.len()), (20, 20, 20));
    for i in 0..20 {
        assert!((losses[i] + base[i] + log_det[i]).abs() < 1e-12);
    }
    assert_eq!(model.steps(), 20.0);
    let stages = model.stages(&[0.5, -1.0, 2.0, 0.0]).unwrap();
    assert_eq!(floats(&stages, "positions").len(), 5 * 4);
    assert_eq!(floats(&stages, "log_dets").len(), 4 * 2);
    assert_eq!(model.log_density(&[0.0, 0.0, 1.0, 1.0]).unwrap().len(), 2);
    assert_eq!(model.sample(7, 1).unwrap().len(), 14);
    let e = model.evaluate(obj(&[("n", 500.into())])).unwrap();
    let (nll, entropy, kl) = (
        get(&e, "nll").as_f64().unwrap(),
        get(&e, "entropy").as_f64().unwrap(),
        get(&e, "kl").as_f64().unwrap(),
    );
    assert!((kl - (nll - entropy)).abs() < 1e-12);

    let bad = |opts: JsValue| message(CouplingModel::new(opts).err().unwrap());
    assert!(bad(obj(&[("layers", 0.into())])).contains("layers"));
    assert!(bad(obj(&[("layers", 1000.into())])).contains("layers"));
    assert!(bad(obj(&[("lr", f64::NAN.into())])).contains("lr"));
    assert!(bad(obj(&[("widht", 8.into())])).contains("unknown option 'widht'"));
    assert!(model.train_step(0).is_err());
    assert!(model.log_density(&[f64::NAN, 0.0]).is_err());
    assert!(model.log_density(&[0.0, 0.0, 1.0]).is_err());
    assert!(model.stages(&[]).is_err());
    // Options whose getter throws, or a Proxy whose key list throws: an error, and the model
    // stays usable (nothing unwinds through Rust with the model borrowed).
    for source in [
        "({ get n() { throw new Error('boom'); } })",
        "new Proxy({}, { ownKeys() { throw new Error('boom'); } })",
    ] {
        let tricky = js_sys::eval(source).unwrap();
        assert!(message(model.evaluate(tricky).unwrap_err()).contains("threw"));
    }
    assert!(model.sample(0, 1).is_err());
    assert_eq!(model.steps(), 20.0, "errors leave the model as it was");
}
