//! The trained weights in www/weights/ (written by `examples/train_weights.rs`): each loads, was
//! trained with the lab's default settings for 3000 steps on the target it is named after, agrees
//! with what index.json says of it, and a damaged copy is refused. The coupling figure's flow: its
//! settings and steps, its index.json entry, and that a fresh run of its settings gives its bytes.

use flowlab::affine_coupling::chunked::{held_out, train_chunk};
use flowlab::affine_coupling::save;
use flowlab::affine_coupling::settings::CouplingSettings;
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

/// The coupling figure's run (www/js/notebook/coupling/: `FIXED`, the `steps` attribute, the
/// worker's chunk and held-out set).
const COUPLING_STEPS: u64 = 3000;

fn coupling_settings() -> CouplingSettings {
    CouplingSettings {
        batch: 128,
        ..CouplingSettings::default()
    }
}

#[test]
fn the_coupling_figure_has_its_default_flow_trained() {
    let bytes = std::fs::read(format!("{DIR}/8gaussians.coupling")).expect("8gaussians.coupling");
    let (settings, mut trainer) = save::from_bytes(&bytes).unwrap();
    assert_eq!(settings, coupling_settings());
    assert_eq!(trainer.steps(), COUPLING_STEPS);
    let index = index();
    let e = entry(&index, "8gaussians.coupling");
    let listed = "\"settings\": {\"target\": \"8gaussians\", \"layers\": 8, \"width\": 32, \"depth\": 2, \"activation\": \"tanh\", \"scale_bound\": 3, \"lr\": 0.005, \"batch\": 128, \"seed\": 0}";
    assert!(e.contains(listed), "index.json says {e:.400}");
    assert_eq!(number(e, "steps"), COUPLING_STEPS as f64);
    assert_eq!(number(e, "chunk"), 25.0);
    // One mean per chunk for each term.
    let count = |key: &str| {
        let at = e.find(&format!("\"{key}\": [")).expect(key);
        e[at..e[at..].find(']').unwrap() + at].matches(',').count() + 1
    };
    assert_eq!((count("base"), count("logDet")), (120, 120));
    // The held-out NLL listed is this flow's, and it is far below the identity's 5.96 nats
    // (8 Gaussians' entropy is 2.83).
    let h = held_out(&mut trainer, None, 2000, 12345).unwrap();
    let listed = number(e, "nll");
    assert!(
        (listed - h.nll).abs() <= 1e-5 * h.nll.abs(),
        "index.json NLL {listed}, the flow's {}",
        h.nll
    );
    assert!(h.nll < 3.5, "held-out NLL {}", h.nll);
}

#[test]
fn the_shipped_coupling_flow_is_what_a_fresh_run_of_its_settings_gives() {
    let shipped = std::fs::read(format!("{DIR}/8gaussians.coupling")).unwrap();
    let mut trainer = coupling_settings().trainer().unwrap();
    while trainer.steps() < COUPLING_STEPS {
        train_chunk(&mut trainer, 25).unwrap();
    }
    assert!(
        save::to_bytes(&coupling_settings(), &trainer) == shipped,
        "rerun differs"
    );
    let mut bad = shipped.clone();
    bad[shipped.len() / 2] ^= 0x01;
    assert!(save::from_bytes(&bad).is_err());
    assert!(save::from_bytes(&shipped[..shipped.len() - 1]).is_err());
}
