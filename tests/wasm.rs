//! Tests that run inside a real browser (`wasm-pack test --headless --firefox`): the binding
//! layer as JavaScript sees it, including what bad input does (an error, never a dead instance).
#![cfg(target_arch = "wasm32")]

use flowlab::bindings::{
    change_of_variables_1d, change_of_variables_2d, change_of_variables_at, compare_views,
    conditional_average_at, eulerian_film, face_velocities, lagrangian_film, marginal_field,
    ode_as_sde, residual_convergence, sde_vs_ode, standard_normal_samples, trajectory_check,
    CouplingModel, EulerianView, FlowModel, LagrangianView,
};
use js_sys::{Array, Float32Array, Float64Array, Object, Reflect};
use wasm_bindgen::prelude::wasm_bindgen;
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

/// A `Float64Array` of `xs`, as the exports take points.
fn f64s(xs: &[f64]) -> JsValue {
    Float64Array::from(xs).into()
}

/// A `Float32Array` of `xs`, as a JsValue.
fn f32s(xs: &[f32]) -> JsValue {
    Float32Array::from(xs).into()
}

fn u32s(xs: &[u32]) -> JsValue {
    js_sys::Uint32Array::from(xs).into()
}

fn bytes_js(b: &[u8]) -> JsValue {
    js_sys::Uint8Array::from(b).into()
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
    let xs = standard_normal_samples(n.into(), 7.into()).expect("valid request");
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
    let losses = model.train_step(300.into()).unwrap();
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
    assert!(model.train_step(0.into()).is_err());
    assert!(model.train_step(10_000_000.into()).is_err());
    assert!(
        model.velocity(f64s(&[0.0, 1.0, 2.0]), 0.5.into()).is_err(),
        "odd length"
    );
    assert!(model
        .velocity(f64s(&[0.0, f64::INFINITY]), 0.5.into())
        .is_err());
    assert!(model.velocity(f64s(&[0.0, 1.0]), f64::NAN.into()).is_err());
    assert!(model
        .log_density(f64s(&[0.0, 0.0]), obj(&[("steps", 0.into())]))
        .is_err());
    assert!(model
        .log_density(f64s(&[0.0, 0.0]), obj(&[("method", "rk5".into())]))
        .is_err());
    assert!(model
        .log_density(f64s(&[0.0, 0.0]), obj(&[("estimator", "guess".into())]))
        .is_err());
    assert!(model
        .integrate(
            f64s(&[0.0, 0.0]),
            obj(&[
                ("times", Array::of2(&1.0.into(), &0.5.into()).into()),
                ("t0", 1.5.into())
            ])
        )
        .is_err());
    assert!(FlowModel::load(js_sys::Uint8Array::from(&[1u8, 2, 3][..]).into()).is_err());
    // Each setting within its range, the product too much work for one call: an error at once.
    let mut big = FlowModel::new(obj(&[("width", 1024.into()), ("depth", 4.into())])).unwrap();
    assert!(message(big.train_step(100_000.into()).unwrap_err()).contains("more work"));
    let many = vec![0.5; 200_000];
    let slow = obj(&[("steps", 100_000.into())]);
    assert!(message(model.log_density(f64s(&many), slow).unwrap_err()).contains("more work"));
    // After all of that, the instance still trains and answers.
    assert_eq!(model.train_step(5.into()).unwrap().len(), 5);
    assert_eq!(
        model.velocity(f64s(&[0.0, 1.0]), 0.5.into()).unwrap().len(),
        2
    );
}

#[wasm_bindgen_test]
fn integrate_density_and_save_agree_with_each_other() {
    let mut model = small_model();
    model.train_step(200.into()).unwrap();
    let x0 = model.sample_base(8.into(), 3.into()).unwrap();
    let opts = obj(&[
        ("times", Array::of2(&0.5.into(), &1.0.into()).into()),
        ("log_det", true.into()),
        ("steps", 100.into()),
    ]);
    let moved = model.integrate(f64s(&x0), opts).unwrap();
    let positions: Vec<f64> = Float64Array::from(get(&moved, "positions")).to_vec();
    let log_det: Vec<f64> = Float64Array::from(get(&moved, "logDet")).to_vec();
    assert_eq!(positions.len(), 2 * 16);
    assert_eq!(log_det.len(), 2 * 8);
    // Lagrangian (log N(x0) - log det J) against the exact density by backward integration.
    let x1 = &positions[16..];
    let exact = model
        .log_density(f64s(x1), obj(&[("steps", 100.into())]))
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
    let loaded = FlowModel::load(bytes_js(&bytes)).unwrap();
    assert_eq!(
        loaded
            .log_density(f64s(x1), obj(&[("steps", 100.into())]))
            .unwrap(),
        exact
    );
    let mut damaged = bytes.clone();
    damaged[bytes.len() / 2] ^= 0x40;
    assert!(FlowModel::load(bytes_js(&damaged)).is_err());
    assert!(FlowModel::load(bytes_js(&bytes[..bytes.len() - 3])).is_err());
}

#[wasm_bindgen_test]
fn the_two_density_views_run_and_conserve_mass() {
    let mut model = small_model();
    model.train_step(100.into()).unwrap();
    let mut grid = EulerianView::new(obj(&[("cells", 48.into())])).unwrap();
    grid.advance_to(&model, 0.5.into()).unwrap();
    let density = grid.density();
    assert_eq!(density.len(), 48 * 48);
    assert!(density.iter().all(|&p| p >= 0.0));
    let balance = grid.mass() + grid.outflow() - grid.initial_mass();
    assert!(balance.abs() < 1e-12, "mass balance {balance}");
    let agreement = grid.compare(&model, JsValue::UNDEFINED).unwrap();
    assert!(get(&agreement, "l1").as_f64().unwrap() < 0.1);
    assert!(EulerianView::new(obj(&[("cells", 0.into())])).is_err());
    assert!(EulerianView::new(obj(&[("cfl", 5.0.into())])).is_err());
    assert!(grid.advance_to(&model, 2.0.into()).is_err());

    let mut mesh = LagrangianView::new(obj(&[("n", 16.into())])).unwrap();
    mesh.advance_to(&model, 1.0.into(), obj(&[("steps", 20.into())]))
        .unwrap();
    assert_eq!(mesh.positions().len(), 2 * 256);
    assert_eq!(mesh.triangles().len(), 3 * 2 * 15 * 15);
    assert!(mesh.log_density().iter().all(|l| l.is_finite()));
    assert!(LagrangianView::new(obj(&[("n", 100_000.into())])).is_err());

    let check =
        trajectory_check(&model, f64s(&[0.5, -0.5]), obj(&[("steps", 400.into())])).unwrap();
    assert!(get(&check, "maxGap").as_f64().unwrap() < 1e-3);
    assert!(trajectory_check(&model, f64s(&[0.5]), JsValue::UNDEFINED).is_err());
}

#[wasm_bindgen_test]
fn the_density_films_join_from_parts_agree_and_refuse_bad_input() {
    let mut model = small_model();
    model.train_step(100.into()).unwrap();
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
    let whole = face_velocities(&model, grid(), f64s(&nodes))
        .unwrap()
        .to_vec();
    let mut parts = face_velocities(&model, grid(), f64s(&nodes[..2]))
        .unwrap()
        .to_vec();
    parts.extend(
        face_velocities(&model, grid(), f64s(&nodes[2..]))
            .unwrap()
            .to_vec(),
    );
    assert_eq!(whole, parts);
    let film = eulerian_film(grid(), f64s(&nodes), f32s(&whole), f64s(&times)).unwrap();
    let density = Float32Array::from(get(&film, "density")).to_vec();
    assert_eq!(density.len(), 11 * 32 * 32);
    assert!(density.iter().all(|&p| p >= 0.0));
    let mass = floats(&film, "mass");
    let outflow = floats(&film, "outflow");
    assert!((mass[10] + outflow[10] - mass[0]).abs() < 1e-9);
    // Two bands of the mesh joined frame by frame equal the whole mesh.
    let band = |a: u32, b: u32| {
        lagrangian_film(
            &model,
            mesh(),
            a.into(),
            b.into(),
            f64s(&times),
            JsValue::UNDEFINED,
        )
        .unwrap()
    };
    let all = band(0, 16);
    let log_density = Float32Array::from(get(&all, "logDensity")).to_vec();
    let (low, high) = (band(0, 5), band(5, 16));
    let low = Float32Array::from(get(&low, "logDensity")).to_vec();
    let high = Float32Array::from(get(&high, "logDensity")).to_vec();
    assert_eq!(
        &log_density[10 * 256..10 * 256 + 80],
        &low[10 * 80..11 * 80]
    );
    assert_eq!(
        &log_density[10 * 256 + 80..11 * 256],
        &high[10 * 176..11 * 176]
    );
    let positions = Float32Array::from(get(&all, "positions")).to_vec();
    let gaps = compare_views(
        mesh(),
        f32s(&positions),
        f32s(&log_density),
        grid(),
        f32s(&density),
    )
    .unwrap();
    let l1 = floats(&gaps, "l1");
    assert_eq!(l1.len(), 11);
    assert!(l1[0] < 0.01 && l1[10] < 0.2, "{l1:?}");
    // Bad input is an error that names the call, and the model answers afterwards.
    let bad = |e: JsError, what: &str| {
        let m = message(e);
        assert!(m.contains(what), "{m}");
    };
    bad(
        face_velocities(&model, grid(), f64s(&[])).unwrap_err(),
        "face_velocities",
    );
    bad(
        face_velocities(&model, grid(), f64s(&[f64::NAN])).unwrap_err(),
        "finite",
    );
    bad(
        face_velocities(&model, obj(&[("cells", 1.into())]), f64s(&[0.0])).unwrap_err(),
        "cells",
    );
    bad(
        eulerian_film(grid(), f64s(&nodes), f32s(&whole[1..]), f64s(&times)).unwrap_err(),
        "eulerian_film",
    );
    bad(
        eulerian_film(
            grid(),
            f64s(&[0.0, 0.0, 1.0, 2.0, 3.0]),
            f32s(&whole),
            f64s(&times),
        )
        .unwrap_err(),
        "increasing",
    );
    bad(
        eulerian_film(
            grid(),
            f64s(&nodes[..4]),
            f32s(&whole[..4 * 2 * 32 * 33]),
            f64s(&times),
        )
        .unwrap_err(),
        "outside",
    );
    bad(
        lagrangian_film(
            &model,
            mesh(),
            3.into(),
            99.into(),
            f64s(&times),
            JsValue::UNDEFINED,
        )
        .unwrap_err(),
        "row_end",
    );
    bad(
        lagrangian_film(
            &model,
            mesh(),
            0.into(),
            16.into(),
            f64s(&[0.5, 0.2]),
            JsValue::UNDEFINED,
        )
        .unwrap_err(),
        "ascending",
    );
    let dopri = obj(&[("method", "dopri5".into())]);
    bad(
        lagrangian_film(&model, mesh(), 0.into(), 16.into(), f64s(&times), dopri).unwrap_err(),
        "fixed-step",
    );
    bad(
        compare_views(
            mesh(),
            f32s(&positions),
            f32s(&log_density[1..]),
            grid(),
            f32s(&density),
        )
        .unwrap_err(),
        "compare_views",
    );
    assert!(model.train_step(5.into()).is_ok());
}

/// A `Float64Array` property as a vector.
fn floats(o: &JsValue, key: &str) -> Vec<f64> {
    Float64Array::from(get(o, key)).to_vec()
}

#[wasm_bindgen_test]
fn notebook_figures_have_their_shapes_and_refuse_bad_input() {
    let model = small_model();
    let r =
        residual_convergence(&model, f64s(&[0.0, 0.5, -1.0, 1.0]), u32s(&[10, 100, 1000])).unwrap();
    let levels = Array::from(&get(&r, "levels"));
    assert_eq!(levels.length(), 3);
    assert_eq!(floats(&get(&r, "exact"), "positions").len(), 4);
    let errors: Vec<f64> = levels
        .iter()
        .map(|l| get(&l, "positionRmsError").as_f64().unwrap())
        .collect();
    assert!(errors[2] < errors[0], "K = 1000 beats K = 10: {errors:?}");
    let folded = get(&levels.get(2), "folded").as_f64();
    assert_eq!(folded, Some(0.0), "K = 1000 small steps fold nothing");
    assert!(residual_convergence(&model, f64s(&[0.0, 0.5]), u32s(&[0])).is_err());
    assert!(residual_convergence(&model, f64s(&[0.0]), u32s(&[4])).is_err());

    let p = sde_vs_ode(10.into(), 1.into(), 50.into(), JsValue::UNDEFINED).unwrap();
    let frames = floats(&p, "times").len();
    assert_eq!(floats(&p, "ode").len(), frames * 20);
    assert_eq!(floats(&p, "sde").len(), frames * 20);
    assert!(sde_vs_ode(0.into(), 1.into(), 50.into(), JsValue::UNDEFINED).is_err());
    assert_eq!(
        floats(
            &sde_vs_ode(10.into(), 1.into(), 50.into(), 51.into()).unwrap(),
            "times"
        )
        .len(),
        51
    );
    assert!(sde_vs_ode(10.into(), 1.into(), 0.into(), JsValue::UNDEFINED).is_err());
    assert!(sde_vs_ode(10.into(), 1.into(), 50.into(), 1.into()).is_err());
}

#[wasm_bindgen_test]
fn marginal_field_exports_give_closed_forms_and_refuse_bad_input() {
    // At t = 0 the straight path is N(0, I): u_0(x) = E[x1] - x = -x, log p_0 = log N(x; 0, I).
    let r = marginal_field(f64s(&[0.7, -1.3]), 0.0.into()).unwrap();
    let (u, log_p) = (floats(&r, "velocity"), floats(&r, "logDensity"));
    assert!(
        (u[0] + 0.7).abs() < 1e-12 && (u[1] - 1.3).abs() < 1e-12,
        "{u:?}"
    );
    let normal = -(0.49 + 1.69) / 2.0 - std::f64::consts::TAU.ln();
    assert!((log_p[0] - normal).abs() < 1e-12, "{log_p:?}");
    // One data sample: one line through the point, target (x1 - x) / (1 - t), weight 1.
    let a = conditional_average_at(f64s(&[1.5, -0.5]), 0.6.into(), f64s(&[0.2, 0.4])).unwrap();
    let v = floats(&a, "velocity");
    assert!(
        (v[0] - 1.3 / 0.4).abs() < 1e-12 && (v[1] + 0.9 / 0.4).abs() < 1e-12,
        "{v:?}"
    );
    assert_eq!(get(&a, "effective").as_f64(), Some(1.0));
    for t in [
        JsValue::from(1.5),
        JsValue::from(f64::NAN),
        JsValue::from("a"),
    ] {
        let err = message(marginal_field(f64s(&[0.0, 0.0]), t).unwrap_err());
        assert!(err.contains("t "), "{err}");
    }
    assert!(marginal_field(f64s(&[0.0]), 0.5.into()).is_err());
    assert!(marginal_field(f64s(&[f64::NAN, 0.0]), 0.5.into()).is_err());
    let at =
        |x1: &[f64], t: f64, point: &[f64]| conditional_average_at(f64s(x1), t.into(), f64s(point));
    assert!(message(at(&[1.0, 0.0], 1.0, &[0.0, 0.0]).unwrap_err()).contains("s = 0"));
    assert!(at(&[1.0, 0.0], 0.5, &[0.0, 0.0, 1.0]).is_err());
    assert!(at(&[], 0.5, &[0.0, 0.0]).is_err());
    assert!(at(&[1.0, f64::INFINITY], 0.5, &[0.0, 0.0]).is_err());
}

#[wasm_bindgen_test]
fn ode_as_sde_returns_one_row_set_per_epsilon_and_refuses_bad_input() {
    let p = ode_as_sde(10.into(), 1.into(), 40.into(), 5.into(), f64s(&[0.5, 1.0])).unwrap();
    assert_eq!(floats(&p, "times"), vec![0.0, 0.25, 0.5, 0.75, 1.0]);
    assert_eq!(floats(&p, "ode").len(), 5 * 20);
    let sdes = Array::from(&get(&p, "sdes"));
    assert_eq!(sdes.length(), 2);
    assert_eq!(Float64Array::from(sdes.get(1)).length(), 5 * 20);
    // The exact moments at t = 0: N(0, I).
    assert_eq!(floats(&p, "exact")[..5], [0.0, 0.0, 1.0, 0.0, 1.0]);
    let bad = |eps: JsValue| ode_as_sde(10.into(), 1.into(), 40.into(), 5.into(), eps);
    assert!(message(bad(f64s(&[-1.0])).unwrap_err()).contains("each ε must be in"));
    assert!(bad(f64s(&[])).is_err());
    assert!(bad(JsValue::from_str("1")).is_err());
    assert!(ode_as_sde(10.into(), 1.into(), 40.into(), 1.into(), f64s(&[1.0])).is_err());
}

#[wasm_bindgen_test]
fn the_reflow_coupling_trains_on_its_own_pairs_after_2000_steps() {
    let mut model = FlowModel::new(obj(&[("coupling", "reflow".into())])).unwrap();
    let early = model.train_step(2000.into()).unwrap();
    let late = model.train_step(200.into()).unwrap();
    let mean = |xs: &[f32]| xs.iter().sum::<f32>() / xs.len() as f32;
    let (before, after) = (mean(&early[1800..]), mean(&late[100..]));
    assert!(after < 0.25 * before, "loss {before} -> {after}");
    // The same step at once, on a copy of a model trained on independent pairs.
    let mut plain = FlowModel::new(obj(&[])).unwrap();
    let plain_losses = plain.train_step(500.into()).unwrap();
    let mut copy = FlowModel::load(bytes_js(&plain.save())).unwrap();
    copy.start_reflow().unwrap();
    let copy_losses = copy.train_step(200.into()).unwrap();
    let (before, after) = (mean(&plain_losses[400..]), mean(&copy_losses[100..]));
    assert!(
        after < 0.25 * before,
        "loss {before} -> {after} after start_reflow"
    );
    let typo = FlowModel::new(obj(&[("coupling", "reflwo".into())]))
        .err()
        .unwrap();
    assert!(message(typo).contains("expected independent, ot or reflow"));
}

#[wasm_bindgen_test]
fn change_of_variables_exports_read_options_and_refuse_bad_input() {
    // Gamma(1, 2) is the Exponential: the middle of 11 ticks on [-2.5, 2.5] lands at 2 ln 2.
    let p =
        change_of_variables_1d(1.0.into(), 2.0.into(), obj(&[("samples", 100.into())])).unwrap();
    assert_eq!(floats(&p, "samples").len(), 100);
    assert!((floats(&p, "ticksY")[5] - 2.0 * 2f64.ln()).abs() < 1e-9);
    assert!(get(&p, "maxAbsDiff").as_f64().unwrap() < 1e-9);
    let typo =
        change_of_variables_1d(2.0.into(), 1.0.into(), obj(&[("sample", 100.into())])).unwrap_err();
    assert!(message(typo).contains("unknown option 'sample'"));
    assert!(change_of_variables_1d(f64::NAN.into(), 1.0.into(), JsValue::UNDEFINED).is_err());
    assert!(
        change_of_variables_1d(2.0.into(), 1.0.into(), obj(&[("points", (-3).into())])).is_err()
    );

    let q =
        change_of_variables_2d("swirl".into(), 0.5.into(), obj(&[("cells", 16.into())])).unwrap();
    assert_eq!(floats(&q, "density").len(), 256);
    let unknown =
        change_of_variables_2d("twist".into(), 0.5.into(), JsValue::UNDEFINED).unwrap_err();
    assert!(message(unknown).contains("unknown map 'twist'"));
    assert!(change_of_variables_2d("swirl".into(), 2.0.into(), JsValue::NULL).is_err());
    // The affine map at strength 1 has det A = 1 - 0.49 everywhere.
    let at = change_of_variables_at("affine".into(), 1.0.into(), f64s(&[0.5, -0.5])).unwrap();
    assert!((floats(&at, "logDet")[0] - 0.51f64.ln()).abs() < 1e-12);
    assert!(change_of_variables_at("affine".into(), 1.0.into(), f64s(&[0.5])).is_err());
}

#[wasm_bindgen_test]
fn coupling_model_trains_splits_its_likelihood_and_refuses_bad_input() {
    let mut model = CouplingModel::new(obj(&[("layers", 4.into()), ("batch", 64.into())])).unwrap();
    let r = model.train_step(20.into()).unwrap();
    let (losses, base, log_det) = (
        floats(&r, "losses"),
        floats(&r, "base"),
        floats(&r, "logDet"),
    );
    assert_eq!((losses.len(), base.len(), log_det.len()), (20, 20, 20));
    for i in 0..20 {
        assert!((losses[i] + base[i] + log_det[i]).abs() < 1e-12);
    }
    assert_eq!(model.steps(), 20.0);
    let stages = model.stages(f64s(&[0.5, -1.0, 2.0, 0.0])).unwrap();
    assert_eq!(floats(&stages, "positions").len(), 5 * 4);
    assert_eq!(floats(&stages, "logDets").len(), 4 * 2);
    assert_eq!(
        model
            .log_density(f64s(&[0.0, 0.0, 1.0, 1.0]))
            .unwrap()
            .len(),
        2
    );
    assert_eq!(model.sample(7.into(), 1.into()).unwrap().len(), 14);
    let e = model.evaluate(obj(&[("n", 500.into())])).unwrap();
    let (nll, entropy, kl) = (
        get(&e, "nll").as_f64().unwrap(),
        get(&e, "entropy").as_f64().unwrap(),
        get(&e, "kl").as_f64().unwrap(),
    );
    assert!((kl - (nll - entropy)).abs() < 1e-12);
    // A saved flow loads with its steps and the same densities; damaged bytes are refused.
    let bytes = model.save();
    let mut loaded = CouplingModel::load(bytes_js(&bytes)).unwrap();
    assert_eq!((loaded.steps(), loaded.layers()), (20.0, 4));
    let probe = f64s(&[0.3, -1.2, 2.0, 0.5]);
    assert_eq!(
        loaded.log_density(probe.clone()).unwrap(),
        model.log_density(probe).unwrap()
    );
    assert_eq!(loaded.save(), bytes);
    let mut damaged = bytes.clone();
    damaged[bytes.len() / 2] ^= 0x40;
    let refused = |b: &[u8]| message(CouplingModel::load(bytes_js(b)).err().unwrap());
    assert!(refused(&damaged).contains("CouplingModel.load"));
    assert!(refused(&bytes[..bytes.len() - 3]).contains("CouplingModel.load"));
    assert!(CouplingModel::load(JsValue::from_str("weights")).is_err());

    let bad = |opts: JsValue| message(CouplingModel::new(opts).err().unwrap());
    assert!(bad(obj(&[("layers", 0.into())])).contains("layers"));
    assert!(bad(obj(&[("layers", 1000.into())])).contains("layers"));
    assert!(bad(obj(&[("lr", f64::NAN.into())])).contains("lr"));
    assert!(bad(obj(&[("widht", 8.into())])).contains("unknown option 'widht'"));
    assert!(model.train_step(0.into()).is_err());
    assert!(model.log_density(f64s(&[f64::NAN, 0.0])).is_err());
    assert!(model.log_density(f64s(&[0.0, 0.0, 1.0])).is_err());
    assert!(model.stages(f64s(&[])).is_err());
    // Options whose getter throws, or a Proxy whose key list throws: an error, and the model
    // stays usable (nothing unwinds through Rust with the model borrowed).
    for source in [
        "({ get n() { throw new Error('boom'); } })",
        "new Proxy({}, { ownKeys() { throw new Error('boom'); } })",
    ] {
        let tricky = js_sys::eval(source).unwrap();
        assert!(message(model.evaluate(tricky).unwrap_err()).contains("threw"));
    }
    assert!(model.sample(0.into(), 1.into()).is_err());
    assert_eq!(model.steps(), 20.0, "errors leave the model as it was");
}

#[wasm_bindgen(module = "/tests/boundary/hostile.js")]
extern "C" {
    /// The hostile-call fuzz of tests/boundary over this test module's exports (JSON summary).
    #[wasm_bindgen(catch, js_name = fuzzTestModule)]
    async fn fuzz_test_module(calls: u32, seed: u32) -> Result<JsValue, JsValue>;
}

#[wasm_bindgen_test]
async fn hostile_calls_of_every_export_neither_trap_nor_break_instances() {
    let summary = fuzz_test_module(2000, 7).await.expect("the fuzz ran");
    let r = js_sys::JSON::parse(&summary.as_string().unwrap()).unwrap();
    let count = |key: &str| get(&r, key).as_f64().unwrap();
    web_sys::console::log_1(&summary);
    assert_eq!(Array::from(&get(&r, "failures")).length(), 0, "{summary:?}");
    assert_eq!(count("traps"), 0.0);
    assert_eq!(count("calls"), 2000.0);
    assert!(
        count("errors") > 200.0 && count("returned") > 20.0,
        "{summary:?}"
    );
    assert!(count("surface") >= 13.0, "every export found: {summary:?}");
    assert!(count("instances") >= 4.0);
}

#[wasm_bindgen_test]
fn hutchinson_and_steps_exports_have_their_shapes_and_refuse_bad_input() {
    use flowlab::bindings::{
        hutchinson_study, hutchinson_study_linear, linear_errors_export, steps_study,
    };
    // v = A x at t = 1: B = -A, the exact log p is log N(e^{-A} x) - tr A, one Rademacher probe
    // has variance (A12 + A21)²; 3 points x 5 estimates of 2 probes each.
    let a = f64s(&[0.4, 1.0, -0.6, -0.2]);
    let points = f64s(&[0.0, 0.0, 1.0, -1.0, 2.0, 0.5]);
    let opts = obj(&[("probes", 2.into()), ("repeats", 5.into())]);
    let s = hutchinson_study_linear(a.clone(), points.clone(), opts.clone()).unwrap();
    assert_eq!(floats(&s, "estimates").len(), 15);
    let b = floats(&s, "traceIntegral");
    for (got, want) in b.iter().zip([-0.4, -1.0, 0.6, 0.2]) {
        assert!((got - want).abs() < 1e-12, "B = -A: {b:?}");
    }
    let origin = floats(&s, "exact")[0];
    let want = -(2.0 * std::f64::consts::PI).ln() - 0.2;
    assert!((origin - want).abs() < 1e-12, "{origin} vs {want}");
    assert!((floats(&s, "oneProbeVariance")[1] - 0.16).abs() < 1e-12);
    for bad in [
        obj(&[("probes", 0.into())]),
        obj(&[("probe", "cauchy".into())]),
        obj(&[("repeats", 5000.into()), ("probes", 5000.into())]),
        obj(&[("nonsense", 1.into())]),
    ] {
        assert!(hutchinson_study_linear(a.clone(), points.clone(), bad).is_err());
    }
    assert!(hutchinson_study_linear(f64s(&[1.0, 2.0]), points.clone(), opts.clone()).is_err());
    assert!(hutchinson_study_linear(
        f64s(&[f64::NAN, 0.0, 0.0, 0.0]),
        points.clone(),
        opts.clone()
    )
    .is_err());
    let model = small_model();
    let s = hutchinson_study(&model, points.clone(), opts.clone()).unwrap();
    assert_eq!(floats(&s, "exact").len(), 3);
    assert!(hutchinson_study(&model, f64s(&[0.0]), opts).is_err());

    let nfes = u32s(&[1, 4, 12]);
    let e = linear_errors_export(a.clone(), f64s(&[1.0, -0.5]), 1.into(), nfes.clone()).unwrap();
    let rk4 = floats(&e, "rk4");
    assert!(rk4[0].is_nan() && rk4[2] < rk4[1], "{rk4:?}");
    assert!(linear_errors_export(a.clone(), f64s(&[1.0]), 1.into(), nfes.clone()).is_err());
    assert!(linear_errors_export(a, f64s(&[1.0, 0.0]), f64::INFINITY.into(), nfes).is_err());

    let o = obj(&[
        ("scheme", "midpoint".into()),
        ("nfes", Array::of2(&1.into(), &4.into()).into()),
        ("n", 20.into()),
        ("tracked", 3.into()),
    ]);
    let s = steps_study(&model, o).unwrap();
    let rows = Array::from(&get(&s, "rows"));
    assert_eq!(rows.length(), 2);
    assert_eq!(get(&rows.get(0), "spent").as_f64(), Some(0.0));
    assert_eq!(get(&rows.get(1), "spent").as_f64(), Some(4.0));
    assert_eq!(floats(&rows.get(1), "samples").len(), 40);
    assert!(get(&s, "lengthOverChord").as_f64().unwrap() >= 1.0);
    for bad in [
        obj(&[("scheme", "leapfrog".into())]),
        obj(&[("n", 1.into())]),
        obj(&[("nfes", Array::new().into())]),
        obj(&[("nfes", Array::of1(&5000.into()).into())]),
    ] {
        assert!(steps_study(&model, bad).is_err());
    }
}
