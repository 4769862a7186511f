//! What minibatch optimal transport costs in training: steps/s of M64 on 8 Gaussians with the
//! independent coupling and with the exact OT assignment, at batch 256 and 1024, one JSON object
//! per line (the median of timed windows of about a second, after a warm-up).
//!
//! `cargo run --release --example bench_coupling [-- --quick]`

use flowlab::pairing::Pairing;
use flowlab::target::Target;
use flowlab::train::{FlowMatchingTrainer, TrainConfig};
use std::time::Instant;

/// Median steps/s over `windows` windows of about `window_s` seconds each.
fn steps_per_second(config: TrainConfig, windows: usize, window_s: f64) -> Result<f64, String> {
    let target = Target::from_name("8gaussians")?;
    let mut trainer = FlowMatchingTrainer::new(config)?;
    let step = |trainer: &mut FlowMatchingTrainer| trainer.step(&target).map_err(|e| e.to_string());
    for _ in 0..20 {
        step(&mut trainer)?;
    }
    let mut rates = Vec::with_capacity(windows);
    for _ in 0..windows {
        let (start, mut steps) = (Instant::now(), 0);
        while start.elapsed().as_secs_f64() < window_s {
            step(&mut trainer)?;
            steps += 1;
        }
        rates.push(steps as f64 / start.elapsed().as_secs_f64());
    }
    rates.sort_by(f64::total_cmp);
    Ok(rates[rates.len() / 2])
}

fn main() -> Result<(), String> {
    let (windows, window_s) = if std::env::args().any(|a| a == "--quick") {
        (1, 0.5)
    } else {
        (5, 1.0)
    };
    for batch_size in [256, 1024] {
        let mut rates = [0.0; 2];
        for (rate, coupling) in rates
            .iter_mut()
            .zip([Pairing::Independent, Pairing::OptimalTransport])
        {
            let config = TrainConfig {
                coupling,
                batch_size,
                ..TrainConfig::default()
            };
            *rate = steps_per_second(config, windows, window_s)?;
        }
        let [independent, ot] = rates;
        println!(
            "{{\"bench\": \"flowlab_native_coupling\", \"unit\": \"steps/s\", \"threads\": 1, \"batch\": {batch_size}, \
             \"independent\": {independent:.1}, \"optimal_transport\": {ot:.1}, \
             \"ot_ms_per_step_extra\": {:.3}}}",
            1e3 * (1.0 / ot - 1.0 / independent)
        );
    }
    Ok(())
}
