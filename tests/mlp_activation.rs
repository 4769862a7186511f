//! The scalar layer: the vectorisable f32 exponential and the activations against closed forms.

use flowlab::field::mlp::{Activation, Real};

#[test]
fn f32_exp_is_within_two_ulp_of_the_exact_value() {
    for i in -8000..=8000 {
        let x = i as f32 * 0.01;
        let exact = (x as f64).exp();
        let got = Real::exp(x) as f64;
        assert!(
            (got - exact).abs() <= 2.4e-7 * exact,
            "exp({x}) = {got}, exact {exact}"
        );
    }
    assert!(Real::exp(-1000.0f32) < 1e-37 && Real::exp(1000.0f32) > 1e38);
    assert!(Real::exp(f32::NAN).is_nan());
}

#[test]
fn activations_and_derivatives_match_closed_forms() {
    let zs: Vec<f64> = (-40..=40).map(|i| i as f64 * 0.25).collect();
    for a in Activation::ALL {
        let (mut h, mut d) = (zs.clone(), vec![0.0; zs.len()]);
        a.apply(&mut h, Some(&mut d));
        let mut alone = zs.clone();
        a.apply(&mut alone, None);
        assert_eq!(alone, h, "{a:?} without σ' gives other values");
        for ((&z, &h), &d) in zs.iter().zip(&h).zip(&d) {
            let (value, slope) = match a {
                Activation::Silu => (z / (1.0 + (-z).exp()), {
                    let s = 1.0 / (1.0 + (-z).exp());
                    s + z * s * (1.0 - s)
                }),
                Activation::Tanh => (z.tanh(), 1.0 / z.cosh().powi(2)),
                Activation::Softplus => ((1.0 + z.exp()).ln(), 1.0 / (1.0 + (-z).exp())),
            };
            assert!(
                (h - value).abs() < 1e-14 * (1.0 + value.abs()),
                "{a:?}({z}) = {h} vs {value}"
            );
            assert!((d - slope).abs() < 1e-14, "{a:?}'({z}) = {d} vs {slope}");
        }
    }
}
