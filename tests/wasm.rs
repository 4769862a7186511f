//! Tests that run inside a real browser (`wasm-pack test --headless --firefox`): the binding
//! layer as JavaScript sees it.
#![cfg(target_arch = "wasm32")]

use flowlab::bindings::standard_normal_samples;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

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
fn a_bad_sample_count_is_an_error_not_a_panic() {
    assert!(standard_normal_samples(0, 1).is_err());
    assert!(standard_normal_samples(u32::MAX, 1).is_err());
    // The instance still works after the errors.
    assert_eq!(standard_normal_samples(3, 1).unwrap().len(), 6);
}
