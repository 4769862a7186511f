//! The trained weights in www/weights/ (written by `examples/train_weights.rs`): each loads, was
//! trained with the lab's default settings for 3000 steps on the target it is named after, agrees
//! with what index.json says of it, and a damaged copy is refused.

use flowlab::flow::Flow;
use flowlab::integrate::Method;
use flowlab::target::NAMES;
use flowlab::train::TrainConfig;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/www/weights");

fn index() -> String {
    std::fs::read_to_string(format!("{DIR}/index.json")).expect("www/weights/index.json")
}

/// The index.json entry of `file`: the text from its name to the next entry.
fn entry<'a>(index: &'a str, file: &str) -> &'a str {
    let start = index
        .find(&format!("\"file\": \"{file}\""))
        .unwrap_or_else(|| panic!("index.json has no entry for {file}"));
    let rest = &index[start..];
    &rest[..rest[1..].find("\"file\"").map_or(rest.len(), |e| e + 1)]
}

/// The number after `"key": ` in `text` (its last occurrence).
fn number(text: &str, key: &str) -> f64 {
    let at = text.rfind(&format!("\"{key}\": ")).expect(key) + key.len() + 4;
    let end = text[at..].find([',', '}']).expect("a number ends") + at;
    text[at..end].parse().expect("a number")
}

#[test]
fn every_builtin_target_has_default_weights_that_load() {
    let index = index();
    for name in NAMES {
        let file = format!("{name}.flow");
        let bytes = std::fs::read(format!("{DIR}/{file}")).expect(&file);
        let flow = Flow::from_bytes(&bytes).expect(&file);
        assert_eq!(flow.target().name(), name);
        assert_eq!(*flow.trainer().config(), TrainConfig::default(), "{file}");
        assert_eq!(flow.trainer().steps(), 3000, "{file}");
        let e = entry(&index, &file);
        let settings = format!(
            "\"settings\": {{\"target\": \"{name}\", \"path\": \"linear\", \"coupling\": \"independent\", \"width\": 64, \"depth\": 3, \"activation\": \"silu\", \"lr\": 0.001, \"batch\": 256, \"seed\": 0}}"
        );
        assert!(e.contains(&settings), "{file}: index.json says {e:.300}");
        assert_eq!(number(e, "steps"), 3000.0);
        // The last held-out score in index.json is this network's (6 significant digits).
        let score = flow
            .evaluate(500, 12345, Method::Rk4 { steps: 10 })
            .unwrap();
        let listed = number(e, "nll");
        assert!(
            (listed - score.nll).abs() <= 1e-5 * score.nll.abs(),
            "{file}: index.json NLL {listed}, the network's {}",
            score.nll
        );
    }
}

#[test]
fn the_shipped_eight_gaussians_model_is_trained() {
    let bytes = std::fs::read(format!("{DIR}/8gaussians.flow")).unwrap();
    let flow = Flow::from_bytes(&bytes).unwrap();
    let e = flow.evaluate(2000, 7, Method::Rk4 { steps: 20 }).unwrap();
    // An untrained network is N(0, I)-like: KL of several nats. 3000 steps reach about 0.2.
    let kl = e.kl.unwrap();
    assert!(kl < 0.3, "KL(p || q) = {kl}");
}

#[test]
fn a_damaged_weights_file_is_refused() {
    let bytes = std::fs::read(format!("{DIR}/moons.flow")).unwrap();
    for at in [0, 7, 40, bytes.len() / 2, bytes.len() - 9, bytes.len() - 1] {
        let mut bad = bytes.clone();
        bad[at] ^= 0x01;
        assert!(
            Flow::from_bytes(&bad).is_err(),
            "flipped byte {at} accepted"
        );
    }
    assert!(Flow::from_bytes(&bytes[..bytes.len() / 2]).is_err());
    assert!(Flow::from_bytes(b"<!doctype html><title>404</title>").is_err());
}
