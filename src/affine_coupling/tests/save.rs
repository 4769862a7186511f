//! Saving and loading a trained coupling flow: the same settings, steps and log-densities; damaged
//! or inconsistent bytes are errors.

use super::super::chunked::per_point;
use super::super::save::{from_bytes, to_bytes};
use super::super::settings::CouplingSettings;
use super::XS;

/// Settings that differ from the defaults in every field, and their flow after a few steps.
fn trained() -> (CouplingSettings, Vec<u8>) {
    let settings = CouplingSettings {
        target: "moons".into(),
        layers: 3,
        width: 6,
        depth: 2,
        activation: "silu".into(),
        scale_bound: 2.5,
        lr: 1e-2,
        batch: 32,
        seed: 9,
    };
    let mut trainer = settings.trainer().unwrap();
    for _ in 0..7 {
        trainer.step().unwrap();
    }
    let bytes = to_bytes(&settings, &trainer);
    (settings, bytes)
}

#[test]
fn a_loaded_flow_has_the_same_settings_steps_and_log_densities() {
    let settings = CouplingSettings::default();
    let mut trainer = settings.trainer().unwrap();
    for _ in 0..3 {
        trainer.step().unwrap();
    }
    let (loaded_settings, mut loaded) = from_bytes(&to_bytes(&settings, &trainer)).unwrap();
    assert_eq!(loaded_settings, settings);
    assert_eq!(loaded.steps(), 3);
    assert_eq!(loaded.target().name(), "8gaussians");
    let (base, log_det) = per_point(trainer.flow_mut(), &XS, 64).unwrap();
    let (base2, log_det2) = per_point(loaded.flow_mut(), &XS, 64).unwrap();
    assert!(
        log_det2.iter().any(|&l| l != 0.0),
        "trained flow is the identity"
    );
    assert_eq!((base, log_det), (base2, log_det2));

    let (settings, bytes) = trained();
    let (again, loaded) = from_bytes(&bytes).unwrap();
    assert_eq!(again, settings);
    assert_eq!(loaded.steps(), 7);
    assert_eq!(loaded.flow().config(), settings.config().unwrap());
    assert_eq!(to_bytes(&again, &loaded), bytes);
}

#[test]
fn corrupted_truncated_or_foreign_bytes_are_errors() {
    let (_, bytes) = trained();
    for at in (0..bytes.len()).step_by(53).chain(0..80) {
        let mut bad = bytes.clone();
        bad[at] ^= 0x10;
        assert!(from_bytes(&bad).is_err(), "flipped byte {at} accepted");
    }
    for len in (0..bytes.len()).step_by(101).chain([bytes.len() - 1]) {
        assert!(from_bytes(&bytes[..len]).is_err(), "length {len} accepted");
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(from_bytes(&longer).is_err());
    assert!(from_bytes(b"<!doctype html><title>404</title>").is_err());
    let flow = crate::flow::Flow::new(
        crate::target::Target::from_name("moons").unwrap(),
        crate::train::TrainConfig::default(),
    )
    .unwrap();
    let err = from_bytes(&flow.to_bytes()).unwrap_err();
    assert!(err.contains("not a FlowLab coupling flow"), "{err}");
}

/// `bytes` with `value` written at `at` and a checksum that matches again.
fn resealed(bytes: &[u8], at: usize, value: &[u8]) -> Vec<u8> {
    let mut body = bytes[..bytes.len() - 8].to_vec();
    body[at..at + value.len()].copy_from_slice(value);
    crate::framing::seal(body)
}

#[test]
fn inconsistent_bytes_with_a_valid_checksum_are_errors() {
    let (_, bytes) = trained();
    // magic 6, version 2, steps 8, "moons" 1 + 5: then layers, width, depth.
    let layers = 6 + 2 + 8 + 6;
    assert_eq!(bytes[layers..layers + 4], 3u32.to_le_bytes());
    let err = from_bytes(&resealed(&bytes, layers, &0u32.to_le_bytes())).unwrap_err();
    assert!(err.contains("layers"), "{err}");
    // One layer more than the weights written: the weights run out.
    let err = from_bytes(&resealed(&bytes, layers, &4u32.to_le_bytes())).unwrap_err();
    assert!(err.contains("truncated"), "{err}");
    // Width 5 instead of 6: the first layer's weight count no longer fits.
    let err = from_bytes(&resealed(&bytes, layers + 4, &5u32.to_le_bytes())).unwrap_err();
    assert!(err.contains("layer 0 has"), "{err}");
    // activation "silu" 1 + 4, scale bound 8, lr 8, batch 4, seed 8: then the first count and weight.
    let first = layers + 12 + 5 + 8 + 8 + 4 + 8 + 4;
    let err = from_bytes(&resealed(&bytes, first, &f64::NAN.to_le_bytes())).unwrap_err();
    assert!(err.contains("not finite"), "{err}");
    let target = 6 + 2 + 8 + 1;
    let err = from_bytes(&resealed(&bytes, target, b"nooms")).unwrap_err();
    assert!(err.contains("nooms"), "{err}");
}
