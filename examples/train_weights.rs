//! The trained weights the site ships: the lab's default model (M64, linear path, independent
//! coupling, batch 256, Adam 1e-3, seed 0) trained by flow matching for the lab's 3000 start-up
//! steps on each built-in target, so that the article's figures and the lab open trained.
//!
//! Writes `www/weights/<target>.flow` (the core's save format, `Flow::to_bytes`) and
//! `www/weights/index.json`: for each file, the lab settings it was trained with, its steps, the
//! mean loss of each block of `LOSS_BLOCK` steps (the bins the lab's loss plot draws at step 3000) and the held-out scores every `EVAL_EVERY` steps
//! (the lab's evaluation: 500 points, seed 12345, RK4 with 10 steps), so that the lab's plots
//! show the training that made the weights. Everything is seeded: the same core writes the same
//! bytes.
//!
//! `cargo run --release --example train_weights [-- out_dir]`

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

fn main() -> Result<(), String> {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or("www/weights".into()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let config = TrainConfig::default();
    assert!(
        matches!(config.path, flowlab::path::Path::Linear(l) if l.sigma_min() == 0.0)
            && config.coupling == flowlab::pairing::Pairing::Independent,
        "index.json names the linear path with sigma_min 0 and independent coupling"
    );
    let entries = NAMES
        .iter()
        .map(|name| train(name, &dir))
        .collect::<Result<Vec<_>, _>>()?;
    let index = format!(
        "{{\n  \"format\": 1,\n  \"made\": \"cargo run --release --example train_weights\",\n  \"models\": [\n{}\n  ]\n}}\n",
        entries.join(",\n")
    );
    std::fs::write(dir.join("index.json"), index).map_err(|e| e.to_string())?;
    Ok(())
}
