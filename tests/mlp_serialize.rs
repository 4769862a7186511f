//! The saved-model format: exact round trips and an error (never a panic) for every kind of damage.

use flowlab::field::mlp::{Activation, Mlp, MlpConfig};

fn net<R: flowlab::field::mlp::Real>() -> Mlp<R> {
    Mlp::new(MlpConfig::new(2, 5, Activation::Tanh).unwrap(), 42).unwrap()
}

/// Re-hashes a modified file so that only the intended field is wrong.
fn rehash(bytes: &mut Vec<u8>) {
    bytes.truncate(bytes.len() - 8);
    let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
        (h ^ b as u64).wrapping_mul(0x0100_0000_01b3)
    });
    bytes.extend_from_slice(&hash.to_le_bytes());
}

fn load_error(bytes: &[u8]) -> String {
    Mlp::<f32>::from_bytes(bytes).expect_err("damaged data loaded")
}

#[test]
fn round_trip_is_exact_in_both_precisions() {
    let (a, b) = (net::<f32>(), net::<f64>());
    assert_eq!(Mlp::<f32>::from_bytes(&a.to_bytes()).unwrap(), a);
    assert_eq!(Mlp::<f64>::from_bytes(&b.to_bytes()).unwrap(), b);
    let m64 = Mlp::<f32>::new(MlpConfig::M64, 1).unwrap();
    let bytes = m64.to_bytes();
    assert_eq!(bytes.len(), 5 + 2 + 1 + 1 + 2 + 2 + 4 + 4 * 8706 + 8);
    assert_eq!(Mlp::<f32>::from_bytes(&bytes).unwrap(), m64);
}

#[test]
fn loading_another_precision_rounds_each_weight() {
    let b = net::<f64>();
    let loaded = Mlp::<f32>::from_bytes(&b.to_bytes()).unwrap();
    for (x, y) in loaded.params().iter().zip(b.params()) {
        assert_eq!(*x, *y as f32);
    }
}

#[test]
fn every_truncation_is_an_error() {
    let bytes = net::<f32>().to_bytes();
    for len in 0..bytes.len() {
        load_error(&bytes[..len]);
    }
    let mut longer = bytes.clone();
    longer.push(0);
    load_error(&longer);
}

#[test]
fn every_flipped_byte_is_an_error() {
    let bytes = net::<f32>().to_bytes();
    for i in 0..bytes.len() {
        let mut bad = bytes.clone();
        bad[i] ^= 0x5a;
        load_error(&bad);
    }
}

#[test]
fn each_bad_field_names_its_problem() {
    let good = net::<f32>().to_bytes();
    let cases: [(usize, u8, &str); 6] = [
        (0, b'X', "not a FlowLab network"),
        (5, 2, "version 2"),
        (7, 2, "weight size"),
        (8, 9, "activation code 9"),
        (9, 0, "depth"),
        (13, 99, "weights need"),
    ];
    for (at, value, message) in cases {
        let mut bad = good.clone();
        bad[at] = value;
        rehash(&mut bad);
        let err = load_error(&bad);
        assert!(
            err.contains(message),
            "byte {at} = {value}: {err:?} lacks {message:?}"
        );
    }
    let mut corrupt = good.clone();
    corrupt[20] ^= 1;
    assert!(load_error(&corrupt).contains("checksum"));
}

#[test]
fn non_finite_weights_are_rejected() {
    for bad in [f32::NAN, f32::INFINITY] {
        let mut n = net::<f32>();
        n.params_mut()[3] = bad;
        assert!(load_error(&n.to_bytes()).contains("parameter 3 is not finite"));
    }
    let mut huge = net::<f64>();
    huge.params_mut()[0] = 1e300;
    assert!(
        Mlp::<f32>::from_bytes(&huge.to_bytes()).is_err(),
        "f64 weight overflowing f32 accepted"
    );
}
