//! The trained weights the site ships, so that the article's figures and the lab open trained:
//!
//! - the lab's default model (M64, linear path, independent coupling, batch 256, Adam 1e-3, seed 0)
//!   trained by flow matching for the lab's 3000 start-up steps on each built-in target:
//!   `www/weights/<target>.flow` (the core's save format, `Flow::to_bytes`);
//! - the coupling figure's default flow (`<flow-coupling>`: 8 coupling layers with 2 x 32 tanh
//!   conditioners, batch 128, Adam 5e-3, seed 0) trained by maximum likelihood for its 3000 steps
//!   on 8 Gaussians: `www/weights/8gaussians.coupling` (`affine_coupling::save`).
//!
//! And `www/weights/index.json`: for each file, the settings it was trained with, its steps and its
//! training curves. For the lab's models: the mean loss of each block of `LOSS_BLOCK` steps (the
//! bins the lab's loss plot draws at step 3000) and the held-out scores every `EVAL_EVERY` steps
//! (the lab's evaluation: 500 points, seed 12345, RK4 with 10 steps). For the coupling flow: the
//! means of the log-likelihood's two terms over each chunk of `COUPLING_CHUNK` steps (the points of
//! the figure's plot) and the final held-out scores (the figure's: 2000 points, seed 12345).
//! Everything is seeded: the same core writes the same bytes.
//!
//! `cargo run --release --example train_weights [-- out_dir]`

use flowlab::affine_coupling::chunked::{held_out, train_chunk};
use flowlab::affine_coupling::save;
use flowlab::affine_coupling::settings::CouplingSettings;
use flowlab::flow::Flow;
use flowlab::integrate::Method;
use flowlab::target::{Target, NAMES};
use flowlab::train::TrainConfig;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The lab's start-up training (www/js/lab/config.js BUDGET.autoSteps).
const STEPS: usize = 3000;
/// The lab's held-out evaluation (BUDGET.evalEvery and BUDGET.evaluation).
const EVAL_EVERY: usize = 500;
const EVAL_N: usize = 500;
const EVAL_SEED: u64 = 12345;
const EVAL_METHOD: Method = Method::Rk4 { steps: 10 };
/// Steps per mean loss in index.json.
const LOSS_BLOCK: usize = 5;
/// The coupling figure's run (www/js/notebook/coupling/: its `steps` attribute, the worker's
/// chunk, batch and held-out set).
const COUPLING_STEPS: u32 = 3000;
const COUPLING_CHUNK: u32 = 25;
const COUPLING_BATCH: usize = 128;
const COUPLING_HELD_OUT: (u32, u64) = (2000, 12345);

/// A JSON number (null when not finite), to 6 significant digits.
fn num(x: f64) -> String {
    if x.is_finite() {
        format!(
            "{}",
            format!("{x:.5e}")
                .parse::<f64>()
                .expect("a formatted float parses")
        )
    } else {
        "null".into()
    }
}

/// Trains the default model on `name`; returns its index entry and writes its weights.
fn train(name: &str, dir: &Path) -> Result<String, String> {
    let config = TrainConfig::default();
    let mut flow = Flow::new(Target::from_name(name)?, config)?;
    let mut losses = vec![0.0; EVAL_EVERY];
    let mut means = Vec::new();
    let mut evaluations = Vec::new();
    for _ in 0..STEPS / EVAL_EVERY {
        flow.train(&mut losses).map_err(|e| e.to_string())?;
        means.extend(
            losses
                .chunks(LOSS_BLOCK)
                .map(|c| num(c.iter().sum::<f64>() / c.len() as f64)),
        );
        let e = flow.evaluate(EVAL_N, EVAL_SEED, EVAL_METHOD)?;
        evaluations.push(format!(
            "{{\"step\": {}, \"n\": {}, \"nll\": {}, \"nllSem\": {}, \"entropy\": {}, \"kl\": {}, \"energyDistance\": {}, \"slicedW2\": {}}}",
            flow.trainer().steps(),
            e.n,
            num(e.nll),
            num(e.nll_sem),
            e.entropy.map_or("null".into(), num),
            e.kl.map_or("null".into(), num),
            num(e.energy_distance),
            num(e.sliced_w2),
        ));
    }
    let file = format!("{name}.flow");
    let bytes = flow.to_bytes();
    std::fs::write(dir.join(&file), &bytes).map_err(|e| format!("{file}: {e}"))?;
    let reloaded = Flow::from_bytes(&std::fs::read(dir.join(&file)).map_err(|e| e.to_string())?)?;
    assert_eq!(reloaded.to_bytes(), bytes, "{file} does not load back");
    let net = config.network;
    eprintln!(
        "{file}: {} bytes, {}",
        bytes.len(),
        evaluations.last().expect("evaluated")
    );
    let mut entry = String::new();
    write!(
        entry,
        "    {{\"file\": \"{file}\", \"steps\": {}, \"settings\": {{\"target\": \"{name}\", \"path\": \"linear\", \"coupling\": \"independent\", \"width\": {}, \"depth\": {}, \"activation\": \"{}\", \"lr\": {}, \"batch\": {}, \"seed\": {}}},\n      \"lossBlock\": {LOSS_BLOCK}, \"losses\": [{}],\n      \"evaluations\": [{}]}}",
        flow.trainer().steps(),
        net.width,
        net.depth,
        net.activation.name(),
        config.learning_rate,
        config.batch_size,
        config.seed,
        means.join(", "),
        evaluations.join(", "),
    )
    .expect("writing to a String");
    Ok(entry)
}

/// The coupling figure's default flow; returns its index entry and writes its weights.
fn train_coupling(dir: &Path) -> Result<String, String> {
    let settings = CouplingSettings {
        batch: COUPLING_BATCH,
        ..CouplingSettings::default()
    };
    let mut trainer = settings.trainer()?;
    let (mut base, mut log_det) = (Vec::new(), Vec::new());
    let mean = |v: &[f64]| num(v.iter().sum::<f64>() / v.len() as f64);
    while trainer.steps() < COUPLING_STEPS as u64 {
        let chunk = train_chunk(&mut trainer, COUPLING_CHUNK)?;
        base.push(mean(&chunk.base));
        log_det.push(mean(&chunk.log_det));
    }
    let entropy = trainer.target().entropy();
    let (n, seed) = COUPLING_HELD_OUT;
    let h = held_out(&mut trainer, entropy, n, seed)?;
    let file = format!("{}.coupling", settings.target);
    let bytes = save::to_bytes(&settings, &trainer);
    std::fs::write(dir.join(&file), &bytes).map_err(|e| format!("{file}: {e}"))?;
    let (again, reloaded) =
        save::from_bytes(&std::fs::read(dir.join(&file)).map_err(|e| e.to_string())?)?;
    assert_eq!(
        save::to_bytes(&again, &reloaded),
        bytes,
        "{file} does not load back"
    );
    eprintln!("{file}: {} bytes, held-out NLL {}", bytes.len(), h.nll);
    let s = &settings;
    Ok(format!(
        "    {{\"file\": \"{file}\", \"steps\": {}, \"settings\": {{\"target\": \"{}\", \"layers\": {}, \"width\": {}, \"depth\": {}, \"activation\": \"{}\", \"scale_bound\": {}, \"lr\": {}, \"batch\": {}, \"seed\": {}}},\n      \"chunk\": {COUPLING_CHUNK}, \"base\": [{}],\n      \"logDet\": [{}],\n      \"evaluation\": {{\"n\": {n}, \"seed\": {seed}, \"nll\": {}, \"base\": {}, \"logDet\": {}}}}}",
        trainer.steps(),
        s.target,
        s.layers,
        s.width,
        s.depth,
        s.activation,
        s.scale_bound,
        s.lr,
        s.batch,
        s.seed,
        base.join(", "),
        log_det.join(", "),
        num(h.nll),
        num(h.base),
        num(h.log_det),
    ))
}

fn main() -> Result<(), String> {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or("www/weights".into()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let config = TrainConfig::default();
    assert!(
        matches!(config.path, flowlab::path::Path::Linear(l) if l.sigma_min() == 0.0)
            && config.coupling == flowlab::pairing::Pairing::Independent,
        "index.json names the linear path with sigma_min 0 and independent coupling"
    );
    let coupling = train_coupling(&dir)?;
    let entries = NAMES
        .iter()
        .map(|name| train(name, &dir))
        .collect::<Result<Vec<_>, _>>()?;
    let index = format!(
        "{{\n  \"format\": 1,\n  \"made\": \"cargo run --release --example train_weights\",\n  \"models\": [\n{}\n  ],\n  \"couplings\": [\n{coupling}\n  ]\n}}\n",
        entries.join(",\n")
    );
    std::fs::write(dir.join("index.json"), index).map_err(|e| e.to_string())?;
    Ok(())
}
