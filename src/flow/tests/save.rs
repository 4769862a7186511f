use super::*;
use crate::pairing::Pairing;
use crate::path::{Path, Vp};
use crate::target::Points;

fn probe_points() -> Vec<f64> {
    vec![0.0, 0.0, 2.0, 2.0, -2.8, 0.1, 1.0, -3.0]
}

#[test]
fn a_loaded_flow_has_identical_settings_and_log_densities() {
    let points = Points::new(&[1.0, 2.0, -1.5, 0.5, 3.0, -2.0], 0.1).unwrap();
    let vp = TrainConfig {
        path: Path::Vp(Vp::new(0.2, 15.0, 1e-4).unwrap()),
        coupling: Pairing::OptimalTransport,
        batch_size: 64,
        learning_rate: 3e-4,
        seed: 99,
        ..TrainConfig::default()
    };
    let mut other = Flow::new(Target::Points(points), vp).unwrap();
    other.train(&mut [0.0; 5]).unwrap();
    for flow in [trained(), &other] {
        let loaded = Flow::from_bytes(&flow.to_bytes()).unwrap();
        assert_eq!(loaded.trainer().config(), flow.trainer().config());
        assert_eq!(loaded.target(), flow.target());
        assert_eq!(loaded.trainer().steps(), flow.trainer().steps());
        assert_eq!(loaded.net().params(), flow.net().params());
        let lp = |f: &Flow| f.log_density(&probe_points(), 1.0, RK4_20).unwrap();
        assert_eq!(lp(&loaded), lp(flow));
        assert_eq!(loaded.to_bytes(), flow.to_bytes());
    }
}

#[test]
fn corrupted_or_truncated_bytes_are_errors() {
    let bytes = trained().to_bytes();
    for at in (0..bytes.len()).step_by(97).chain(0..90) {
        let mut bad = bytes.clone();
        bad[at] ^= 0x10;
        assert!(
            Flow::from_bytes(&bad).is_err(),
            "flipped byte {at} accepted"
        );
    }
    for len in (0..bytes.len()).step_by(331).chain([bytes.len() - 1]) {
        assert!(
            Flow::from_bytes(&bytes[..len]).is_err(),
            "length {len} accepted"
        );
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(Flow::from_bytes(&longer).is_err());
}

#[test]
fn invalid_settings_with_a_valid_checksum_are_errors() {
    let bytes = trained().to_bytes();
    let body = bytes.len() - 8;
    // The learning rate sits after magic 6, version 2, path 1 + 24, coupling 1, batch 4.
    let at = 6 + 2 + 25 + 1 + 4;
    assert_eq!(bytes[at..at + 8], 1e-3f64.to_le_bytes());
    let mut bad = bytes[..body].to_vec();
    bad[at..at + 8].copy_from_slice(&2.0f64.to_le_bytes());
    bad.extend(crate::framing::checksum(&bad).to_le_bytes());
    let err = Flow::from_bytes(&bad).unwrap_err();
    assert!(err.contains("learning rate"), "{err}");
}
