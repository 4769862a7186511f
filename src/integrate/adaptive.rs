//! Adaptive Dormand-Prince 5(4) integration over one interval with step-size control.

use super::initial_step::initial_step;
use super::method::DopriConfig;
use super::stages::Stages;
use super::tableau::{DOPRI5, DOPRI5_ERROR};
use super::{IntegrateError, Ode, Stats};

const SAFETY: f64 = 0.9;
const FAC_MIN: f64 = 0.2;
const FAC_MAX: f64 = 5.0;

/// The adaptive integrator's state between intervals: the next step size and whether k[0]
/// holds f(t, y) at the current point (FSAL).
#[derive(Default)]
pub(crate) struct Dopri {
    h: f64,
    fsal: bool,
}

impl Dopri {
    /// Integrates from t0 to t1 (either direction), updating `y`; lands exactly on t1.
    ///
    /// A step h is accepted if err <= 1 (see [`DopriConfig`]); the next step is
    /// h min(FAC_MAX, max(FAC_MIN, 0.9 err^(-1/5))), never growing right after a rejection.
    pub fn integrate<O: Ode + ?Sized>(
        &mut self,
        cfg: &DopriConfig,
        stages: &mut Stages,
        ode: &mut O,
        (t0, t1): (f64, f64),
        y: &mut [f64],
        stats: &mut Stats,
    ) -> Result<(), IntegrateError> {
        let dir = if t1 >= t0 { 1.0 } else { -1.0 };
        if !self.fsal {
            ode.derivative(t0, y, &mut stages.k[0]);
            stats.evaluations += 1;
            self.fsal = true;
        }
        if self.h == 0.0 {
            self.h = initial_step(cfg, stages, ode, t0, dir, y);
            stats.evaluations += 1;
        }
        let mut t = t0;
        let mut rejected_last = false;
        while (t1 - t) * dir > 0.0 {
            if stats.accepted + stats.rejected >= cfg.max_steps {
                return Err(IntegrateError::TooManySteps {
                    t,
                    max_steps: cfg.max_steps,
                });
            }
            let remaining = (t1 - t).abs();
            let last = self.h.min(cfg.h_max) >= remaining;
            let h_abs = if last {
                remaining
            } else {
                self.h.min(cfg.h_max)
            };
            if !last && (h_abs < cfg.h_min || t + dir * h_abs == t) {
                return Err(IntegrateError::StepTooSmall { t, h: h_abs });
            }
            let h = dir * h_abs;
            stages.evaluate(&DOPRI5, ode, t, h, y);
            stats.evaluations += DOPRI5.stages() - 1;
            let err = error_norm(cfg, stages, h, y);
            let factor = if err.is_finite() {
                SAFETY * err.powf(-0.2)
            } else {
                FAC_MIN
            };
            if err <= 1.0 {
                // The last stage's argument is the 5th-order solution, its derivative the next k_1.
                y.copy_from_slice(&stages.tmp);
                stages.k.swap(0, DOPRI5.stages() - 1);
                t = if last { t1 } else { t + h };
                stats.accepted += 1;
                let fac_max = if rejected_last { 1.0 } else { FAC_MAX };
                self.h = h_abs * factor.clamp(FAC_MIN, fac_max);
                rejected_last = false;
            } else {
                stats.rejected += 1;
                self.h = h_abs * factor.clamp(FAC_MIN, 1.0);
                rejected_last = true;
            }
        }
        Ok(())
    }
}

/// RMS over components of h sum_j e_j k_j / (atol + rtol max(|y|, |y'|)), y' = `stages.tmp`.
fn error_norm(cfg: &DopriConfig, stages: &Stages, h: f64, y: &[f64]) -> f64 {
    let n = y.len();
    let k = &stages.k;
    let e = DOPRI5_ERROR;
    let (k1, k3, k4, k5, k6, k7) = (
        &k[0][..n],
        &k[2][..n],
        &k[3][..n],
        &k[4][..n],
        &k[5][..n],
        &k[6][..n],
    );
    let y_new = &stages.tmp[..n];
    let mut sum = 0.0;
    for i in 0..n {
        let est = h
            * (e[0] * k1[i]
                + e[2] * k3[i]
                + e[3] * k4[i]
                + e[4] * k5[i]
                + e[5] * k6[i]
                + e[6] * k7[i]);
        let scale = cfg.atol + cfg.rtol * y[i].abs().max(y_new[i].abs());
        sum += (est / scale) * (est / scale);
    }
    (sum / n as f64).sqrt()
}
