//! The coupling flow's work for the notebook figure, call by call: training in chunks with the
//! log-likelihood's two terms, per-point terms in memory-bounded chunks, held-out scores (NLL with
//! its standard error), and the limits of one call.

use super::settings::chunk_points;
use super::{CouplingFlow, MaximumLikelihoodTrainer};
use crate::density::standard_normal_log_density;
use rand::{rngs::StdRng, SeedableRng};

/// Most training steps per call.
pub const MAX_STEPS_PER_CALL: u32 = 10_000;
/// Most points per call (densities, samples, held-out sets): the one policy.
pub use crate::budget::MAX_POINTS;
/// Most values (2 per point per layer) the layer-by-layer picture returns.
pub const MAX_STAGE_VALUES: usize = 1 << 22;

/// Per step: the loss (mean NLL of the minibatch) and its two terms, E[log N(f(x))], E[ln|det|].
pub struct Chunk {
    pub losses: Vec<f64>,
    pub base: Vec<f64>,
    pub log_det: Vec<f64>,
}

/// Runs `n` steps; a diverging step stops the chunk with the trainer's error (weights kept).
pub fn train_chunk(trainer: &mut MaximumLikelihoodTrainer, n: u32) -> Result<Chunk, String> {
    if n == 0 || n > MAX_STEPS_PER_CALL {
        return Err(format!(
            "n must be between 1 and {MAX_STEPS_PER_CALL}, got {n}"
        ));
    }
    let (batch, weights) = (trainer.batch_size(), trainer.flow().n_params());
    crate::budget::TRAINING.check(batch, n.into(), weights)?;
    let n = n as usize;
    let mut chunk = Chunk {
        losses: Vec::with_capacity(n),
        base: Vec::with_capacity(n),
        log_det: Vec::with_capacity(n),
    };
    for _ in 0..n {
        let done = trainer.steps();
        let terms = trainer
            .step()
            .map_err(|e| format!("{e} (after step {done})"))?;
        chunk.losses.push(terms.nll());
        chunk.base.push(terms.base);
        chunk.log_det.push(terms.log_det);
    }
    Ok(chunk)
}

/// Checks 1..=[`MAX_POINTS`] finite interleaved points (at most `max` when given); returns n.
pub fn points(xs: &[f64], max: usize) -> Result<usize, String> {
    let max = max.min(MAX_POINTS);
    let n = xs.len() / 2;
    if xs.is_empty() || !xs.len().is_multiple_of(2) || n > max {
        return Err(format!(
            "need 1..={max} interleaved (x, y) points, got {} values",
            xs.len()
        ));
    }
    if let Some(bad) = xs.iter().find(|v| !v.is_finite()) {
        return Err(format!("points must be finite, got {bad}"));
    }
    Ok(n)
}

/// Checks a count of points asked for.
pub fn count(n: u32) -> Result<usize, String> {
    crate::budget::count(n as usize)
}

/// log N(f(x)) and ln|det df/dx| of every point, `rows` points at a time (so that memory stays
/// bounded: [`chunk_points`]).
pub fn per_point(
    flow: &mut CouplingFlow,
    xs: &[f64],
    rows: usize,
) -> Result<(Vec<f64>, Vec<f64>), String> {
    let n = points(xs, MAX_POINTS)?;
    let rows = rows.max(1);
    let (mut base, mut log_det) = (Vec::with_capacity(n), vec![0.0; n]);
    let mut z = xs.to_vec();
    for (z, ld) in z.chunks_mut(2 * rows).zip(log_det.chunks_mut(rows)) {
        flow.to_base(z, ld)?;
        base.extend(z.chunks_exact(2).map(standard_normal_log_density));
    }
    Ok((base, log_det))
}

/// n samples x = f^{-1}(z) of the model, z ~ N(0, I) from `seed` (as `CouplingFlow::sample`),
/// inverted `rows` points at a time.
pub fn sample(flow: &mut CouplingFlow, n: u32, seed: u64, rows: usize) -> Result<Vec<f64>, String> {
    let n = count(n)?;
    let mut zs = vec![0.0; 2 * n];
    crate::random::fill_standard_normal(&mut StdRng::seed_from_u64(seed), &mut zs);
    for z in zs.chunks_mut(2 * rows.max(1)) {
        flow.to_data(z)?;
    }
    Ok(zs)
}

/// Scores on a fresh sample of the target: mean terms, NLL with its standard error, and the KL
/// divergence NLL - H where the entropy H is known.
pub struct HeldOut {
    pub n: usize,
    pub base: f64,
    pub log_det: f64,
    pub nll: f64,
    pub nll_sem: f64,
    pub entropy: Option<f64>,
    pub kl: Option<f64>,
}

pub fn held_out(
    trainer: &mut MaximumLikelihoodTrainer,
    entropy: Option<f64>,
    n: u32,
    seed: u64,
) -> Result<HeldOut, String> {
    let n = count(n)?;
    if n < 2 {
        return Err("a held-out score needs at least 2 points".into());
    }
    let mut xs = vec![0.0; 2 * n];
    trainer
        .target()
        .sample(&mut StdRng::seed_from_u64(seed), &mut xs);
    let rows = chunk_points(&trainer.flow().config());
    let (base, log_det) = per_point(trainer.flow_mut(), &xs, rows)?;
    let mean = |v: &[f64]| v.iter().sum::<f64>() / n as f64;
    let nll: Vec<f64> = base.iter().zip(&log_det).map(|(b, l)| -(b + l)).collect();
    let m = mean(&nll);
    let var = nll.iter().map(|v| (v - m) * (v - m)).sum::<f64>() / (n - 1) as f64;
    Ok(HeldOut {
        n,
        base: mean(&base),
        log_det: mean(&log_det),
        nll: m,
        nll_sem: (var / n as f64).sqrt(),
        entropy,
        kl: entropy.map(|h| m - h),
    })
}
