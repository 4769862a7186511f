//! Architecture validation, the parameter layout and the seeded initialisation.

use flowlab::field::mlp::{Activation, Mlp, MlpConfig};

#[test]
fn sizes_outside_the_limits_are_errors() {
    for (depth, width) in [(0, 8), (17, 8), (2, 0), (2, 1025), (usize::MAX, usize::MAX)] {
        let err = MlpConfig::new(depth, width, Activation::Silu).expect_err("accepted");
        assert!(err.contains("depth") || err.contains("width"), "{err}");
        let config = MlpConfig {
            depth,
            width,
            activation: Activation::Silu,
        };
        assert!(Mlp::<f32>::new(config, 0).is_err());
    }
    assert!(MlpConfig::new(16, 1024, Activation::Tanh).is_ok());
    assert!(MlpConfig::new(1, 1, Activation::Softplus).is_ok());
}

#[test]
fn parameter_count_and_layout_follow_the_formula() {
    // Σ (fan_in + 1) fan_out over 3 -> 64 -> 64 -> 64 -> 2.
    let net = Mlp::<f32>::new(MlpConfig::M64, 0).unwrap();
    assert_eq!(net.n_params(), 4 * 64 + 2 * 65 * 64 + 65 * 2);
    let layers = net.layout().layers();
    assert_eq!(layers.len(), 4);
    assert_eq!(
        (layers[0].weights, layers[0].bias, layers[1].weights),
        (0, 192, 256)
    );
    assert_eq!(
        (layers[3].fan_in, layers[3].fan_out, layers[3].end()),
        (64, 2, 8706)
    );
}

#[test]
fn initialisation_is_seeded_and_within_the_fan_in_bound() {
    let config = MlpConfig::new(2, 10, Activation::Silu).unwrap();
    let a = Mlp::<f64>::new(config, 3).unwrap();
    assert_eq!(a, Mlp::<f64>::new(config, 3).unwrap());
    assert_ne!(a.params(), Mlp::<f64>::new(config, 4).unwrap().params());
    for span in a.layout().layers() {
        let bound = 1.0 / (span.fan_in as f64).sqrt();
        let slice = &a.params()[span.weights..span.end()];
        assert!(slice.iter().all(|w| w.abs() < bound));
        let max = slice.iter().fold(0.0f64, |m, w| m.max(w.abs()));
        assert!(max > 0.5 * bound, "weights do not spread over the bound");
    }
}

#[test]
fn from_params_checks_count_and_finiteness() {
    let config = MlpConfig::new(1, 2, Activation::Tanh).unwrap();
    let n = 4 * 2 + 3 * 2;
    assert!(Mlp::<f32>::from_params(config, vec![0.5; n]).is_ok());
    assert!(Mlp::<f32>::from_params(config, vec![0.5; n + 1])
        .unwrap_err()
        .contains("parameters"));
    let mut params = vec![0.5; n];
    params[n - 1] = f32::NAN;
    assert!(Mlp::<f32>::from_params(config, params)
        .unwrap_err()
        .contains("not finite"));
}

#[test]
fn activation_names_and_codes_round_trip() {
    for a in Activation::ALL {
        assert_eq!(Activation::from_name(a.name()), Ok(a));
        assert_eq!(Activation::from_code(a.code()), Ok(a));
    }
    assert!(Activation::from_name("relu").is_err());
    assert!(Activation::from_code(3).is_err());
}
