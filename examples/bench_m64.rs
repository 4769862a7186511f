//! FlowLab's native figures for the standard model M64, with the workload and definitions of the
//! PyTorch reference (`bench-ref/torch/bench_torch.py`): one JSON object per line on stdout.
//!
//! - training steps/s: M64, batch 256, 8 Gaussians, Adam 1e-3; warm-up, then timed windows of about
//!   `window_s` seconds each (one thread);
//! - sampling 10,000 points from N(0, I) with RK4, 20 steps (noise drawing included);
//! - exact log-density on a 64 x 64 grid over [-4, 4]² (torch.linspace points), RK4, 20 steps;
//! - quality: held-out NLL (5,000 points, exact, RK4 100 steps) after 5,000 steps, seeds 0, 1, 2.
//!
//! `cargo run --release --example bench_m64 [-- --quick]`

use flowlab::flow::Flow;
use flowlab::integrate::Method;
use flowlab::target::Target;
use flowlab::train::TrainConfig;
use std::time::Instant;

/// Settings of a full or a quick run (the quick one mirrors `run_all.sh --quick`).
struct Plan {
    warmup: usize,
    windows: usize,
    window_s: f64,
    reps: usize,
    quality_steps: usize,
    seeds: &'static [u64],
    n_eval: usize,
    nll_steps: usize,
}

const FULL: Plan = Plan {
    warmup: 300,
    windows: 9,
    window_s: 1.0,
    reps: 7,
    quality_steps: 5000,
    seeds: &[0, 1, 2],
    n_eval: 5000,
    nll_steps: 100,
};
const QUICK: Plan = Plan {
    warmup: 50,
    windows: 3,
    window_s: 0.3,
    reps: 2,
    quality_steps: 500,
    seeds: &[0],
    n_eval: 1000,
    nll_steps: 20,
};

/// `"median": .., "min": .., "max": .., "q1": .., "q3": .., "n": ..` (percentiles interpolated
/// linearly, as numpy's default).
fn summary(xs: &[f64]) -> String {
    let mut s = xs.to_vec();
    s.sort_by(f64::total_cmp);
    let q = |p: f64| {
        let pos = p * (s.len() - 1) as f64;
        let (lo, hi) = (pos.floor() as usize, pos.ceil() as usize);
        s[lo] + (pos - lo as f64) * (s[hi] - s[lo])
    };
    let samples: Vec<String> = xs.iter().map(|x| format!("{x:.2}")).collect();
    format!(
        "\"median\": {}, \"min\": {}, \"max\": {}, \"q1\": {}, \"q3\": {}, \"n\": {}, \"samples\": [{}]",
        q(0.5), s[0], s[s.len() - 1], q(0.25), q(0.75), s.len(), samples.join(", ")
    )
}

fn ms_since(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1e3
}

fn speed(plan: &Plan) -> Result<(), String> {
    let target = Target::EightGaussians;
    let mut flow = Flow::new(target, TrainConfig::default())?;
    let err = |e: flowlab::train::TrainError| e.to_string();
    flow.train(&mut vec![0.0; plan.warmup]).map_err(err)?;
    let start = Instant::now();
    flow.train(&mut [0.0; 100]).map_err(err)?;
    let per_step = start.elapsed().as_secs_f64() / 100.0;
    let window = ((plan.window_s / per_step) as usize).max(50);
    let mut losses = vec![0.0; window];
    let rates: Vec<f64> = (0..plan.windows)
        .map(|_| {
            let start = Instant::now();
            flow.train(&mut losses).map_err(err)?;
            Ok(window as f64 / start.elapsed().as_secs_f64())
        })
        .collect::<Result<_, String>>()?;
    println!("{{\"bench\": \"flowlab_native_train\", \"unit\": \"steps/s\", \"threads\": 1, \"batch\": 256, \"window_steps\": {window}, {}}}", summary(&rates));

    let rk4 = Method::Rk4 { steps: 20 };
    flow.sample(10_000, 0, rk4)?;
    let times: Vec<f64> = (0..plan.reps)
        .map(|r| {
            let start = Instant::now();
            let xs = flow.sample(10_000, r as u64 + 1, rk4)?;
            assert!(xs.iter().all(|x| x.is_finite()));
            Ok(ms_since(start))
        })
        .collect::<Result<_, String>>()?;
    println!("{{\"bench\": \"flowlab_native_sample_10k_rk4_20\", \"unit\": \"ms\", \"threads\": 1, \"points\": 10000, \"field_evals\": 80, {}}}", summary(&times));

    let side: Vec<f64> = (0..64).map(|i| -4.0 + 8.0 * i as f64 / 63.0).collect();
    let grid: Vec<f64> = side
        .iter()
        .flat_map(|&y| side.iter().flat_map(move |&x| [x, y]))
        .collect();
    flow.log_density(&grid, 1.0, rk4)?;
    let times: Vec<f64> = (0..plan.reps)
        .map(|_| {
            let start = Instant::now();
            let lp = flow.log_density(&grid, 1.0, rk4)?;
            assert!(lp.iter().all(|l| l.is_finite()));
            Ok(ms_since(start))
        })
        .collect::<Result<_, String>>()?;
    println!("{{\"bench\": \"flowlab_native_logdensity_grid64_rk4_20\", \"unit\": \"ms\", \"threads\": 1, \"points\": 4096, \"field_evals\": 80, \"div\": \"exact, forward-mode Jacobian\", {}}}", summary(&times));
    Ok(())
}

fn quality(plan: &Plan, name: &str) -> Result<(), String> {
    let target = Target::from_name(name)?;
    let mut nlls = Vec::new();
    for &seed in plan.seeds {
        let mut flow = Flow::new(
            target.clone(),
            TrainConfig {
                seed,
                ..TrainConfig::default()
            },
        )?;
        let mut losses = vec![0.0; plan.quality_steps];
        let start = Instant::now();
        flow.train(&mut losses).map_err(|e| e.to_string())?;
        let train_s = start.elapsed().as_secs_f64();
        let start = Instant::now();
        let e = flow.evaluate(
            plan.n_eval,
            seed + 1000,
            Method::Rk4 {
                steps: plan.nll_steps,
            },
        )?;
        let last = &losses[losses.len().saturating_sub(200)..];
        println!(
            "{{\"bench\": \"flowlab_native_quality\", \"dataset\": \"{name}\", \"seed\": {seed}, \"threads\": 1, \"train_steps\": {}, \"train_wall_s\": {train_s:.3}, \"train_steps_per_s\": {:.1}, \"final_loss_mean_last200\": {:.4}, \"n_eval\": {}, \"nll_rk4_steps\": {}, \"nll_nats\": {:.4}, \"nll_sem\": {:.4}, \"target_entropy_nats\": {:.4}, \"energy_distance\": {:.5}, \"sliced_w2\": {:.4}, \"eval_wall_s\": {:.3}}}",
            plan.quality_steps, plan.quality_steps as f64 / train_s, last.iter().sum::<f64>() / last.len() as f64,
            e.n, plan.nll_steps, e.nll, e.nll_sem, e.entropy.unwrap_or(f64::NAN), e.energy_distance, e.sliced_w2, start.elapsed().as_secs_f64()
        );
        nlls.push(e.nll);
    }
    println!("{{\"bench\": \"flowlab_native_quality_over_seeds\", \"dataset\": \"{name}\", \"seeds\": {:?}, \"nll_nats\": {{{}}}}}", plan.seeds, summary(&nlls));
    Ok(())
}

fn main() -> Result<(), String> {
    let plan = if std::env::args().any(|a| a == "--quick") {
        &QUICK
    } else {
        &FULL
    };
    speed(plan)?;
    for name in ["8gaussians", "checkerboard"] {
        quality(plan, name)?;
    }
    Ok(())
}
