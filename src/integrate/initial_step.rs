//! Initial step size of the adaptive method (Hairer, Norsett & Wanner, Solving ODEs I, II.4).

use super::method::DopriConfig;
use super::stages::Stages;
use super::Ode;

/// Proposes |h| for the first step from t0 towards `dir` (+1 or -1), given k[0] = f(t0, y0).
///
/// With d0 = ||y0||, d1 = ||f0||, h0 = 0.01 d0 / d1 and d2 = ||f(t0 + h0, y0 + h0 f0) - f0|| / h0
/// (norms weighted by atol + rtol |y0|), it returns min(100 h0, (0.01 / max(d1, d2))^(1/5)).
/// Uses one evaluation of f, written to k[1].
pub(crate) fn initial_step<O: Ode + ?Sized>(
    cfg: &DopriConfig,
    stages: &mut Stages,
    ode: &mut O,
    t0: f64,
    dir: f64,
    y0: &[f64],
) -> f64 {
    let scale = |yi: f64| cfg.atol + cfg.rtol * yi.abs();
    let f0 = &stages.k[0];
    let d0 = rms(y0.iter().zip(y0).map(|(&v, &yi)| v / scale(yi)));
    let d1 = rms(f0.iter().zip(y0).map(|(&v, &yi)| v / scale(yi)));
    let h0 = if d0 < 1e-5 || d1 < 1e-5 {
        1e-6
    } else {
        0.01 * d0 / d1
    }
    .min(cfg.h_max);

    for ((t, &y), &f) in stages.tmp.iter_mut().zip(y0).zip(f0) {
        *t = y + dir * h0 * f;
    }
    let (first, rest) = stages.k.split_at_mut(1);
    ode.derivative(t0 + dir * h0, &stages.tmp, &mut rest[0]);
    let d2 = rms(rest[0]
        .iter()
        .zip(&first[0])
        .zip(y0)
        .map(|((&f1, &f0), &yi)| (f1 - f0) / scale(yi)))
        / h0;

    let dmax = d1.max(d2);
    let h1 = if dmax <= 1e-15 {
        (h0 * 1e-3).max(1e-6)
    } else {
        (0.01 / dmax).powf(0.2)
    };
    (100.0 * h0).min(h1).min(cfg.h_max).max(cfg.h_min)
}

/// Root mean square of a sequence (0 for an empty one).
pub(crate) fn rms(xs: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = xs.fold((0.0, 0usize), |(s, n), x| (s + x * x, n + 1));
    if n == 0 {
        0.0
    } else {
        (sum / n as f64).sqrt()
    }
}
