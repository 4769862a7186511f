//! `FlowModel`: the learned flow as JavaScript sees it.

use super::convert::{error, options, EvaluateOptions, ObjectBuilder, Options};
use super::method::{bounded, with_method};
use super::settings::ModelSettings;
use crate::field::mlp::MlpField;
use crate::flow::{Flow, MAX_POINTS};
use crate::integrate::augmented::Probe;
use crate::integrate::Method;
use js_sys::{Array, Object, Reflect};
use rand::{rngs::StdRng, SeedableRng};
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Most work one `train_step` call may do, steps x batch x weights (tens of seconds natively).
pub const MAX_TRAIN_WORK: u64 = 1 << 36;

/// A target distribution and the network v(x, t) trained on it by flow matching.
#[wasm_bindgen]
pub struct FlowModel {
    flow: Flow,
}

impl FlowModel {
    /// `method` for `points` points through this network, within the work one call may do.
    pub(super) fn bounded(
        &self,
        context: &str,
        method: Method,
        points: usize,
    ) -> Result<Method, JsError> {
        bounded(method, points, self.flow.net().n_params()).map_err(|e| error(context, e))
    }

    /// The network as a velocity field, for the density views.
    pub(super) fn field(&self) -> MlpField<'_, f32> {
        MlpField::new(self.flow.net())
    }

    pub(super) fn flow(&self) -> &Flow {
        &self.flow
    }
}

/// `integrate` options: where the points start and which times to report.
#[derive(Deserialize)]
#[serde(default)]
struct IntegrateOptions {
    t0: f64,
    times: Vec<f64>,
    log_det: bool,
}

impl Default for IntegrateOptions {
    fn default() -> Self {
        Self {
            t0: 0.0,
            times: vec![1.0],
            log_det: false,
        }
    }
}

impl Options for IntegrateOptions {
    const KEYS: &'static [&'static str] = &["t0", "times", "log_det"];
}

/// `log_density` options.
#[derive(Deserialize)]
#[serde(default)]
struct DensityOptions {
    t: f64,
    estimator: String,
    probe: String,
    seed: u64,
}

impl Default for DensityOptions {
    fn default() -> Self {
        Self {
            t: 1.0,
            estimator: "exact".into(),
            probe: "rademacher".into(),
            seed: 0,
        }
    }
}

impl Options for DensityOptions {
    const KEYS: &'static [&'static str] = &["t", "estimator", "probe", "seed"];
}

/// Splits `{ ..., points: Float64Array }` into the points and the rest of the options.
fn take_points(value: &JsValue) -> Result<(Option<Vec<f64>>, JsValue), JsError> {
    if !value.is_object() {
        return Ok((None, value.clone()));
    }
    let key = JsValue::from_str("points");
    let points = Reflect::get(value, &key).unwrap_or(JsValue::UNDEFINED);
    if points.is_undefined() {
        return Ok((None, value.clone()));
    }
    let points = if let Some(typed) = points.dyn_ref::<js_sys::Float64Array>() {
        typed.to_vec()
    } else if Array::is_array(&points) {
        let array: Array = points.unchecked_into();
        array
            .iter()
            .map(|v| v.as_f64().unwrap_or(f64::NAN))
            .collect()
    } else {
        return Err(JsError::new(
            "FlowModel: options.points must be a Float64Array or an array of numbers",
        ));
    };
    let rest = Object::assign(&Object::new(), value.unchecked_ref());
    let _ = Reflect::delete_property(&rest, &key);
    Ok((Some(points), rest.into()))
}

/// Checks a count of points asked for.
fn count(context: &str, n: u32) -> Result<usize, JsError> {
    let n = n as usize;
    if (1..=MAX_POINTS).contains(&n) {
        Ok(n)
    } else {
        Err(error(
            context,
            format!("n must be between 1 and {MAX_POINTS}, got {n}"),
        ))
    }
}

#[wasm_bindgen]
impl FlowModel {
    /// A new, untrained model; see `ModelSettings` for the options and their defaults.
    #[wasm_bindgen(constructor)]
    pub fn new(settings: JsValue) -> Result<FlowModel, JsError> {
        let (points, rest) = take_points(&settings)?;
        let settings: ModelSettings = options("FlowModel", &rest, &[])?;
        let target = settings
            .target(points.as_deref())
            .map_err(|e| error("FlowModel", e))?;
        let config = settings.train_config().map_err(|e| error("FlowModel", e))?;
        let flow = Flow::new(target, config).map_err(|e| error("FlowModel", e))?;
        Ok(FlowModel { flow })
    }

    /// Runs `n` flow-matching steps and returns their losses, mean_b ||v(x_t, t) - u_t||².
    /// If training diverges, throws and keeps the last good weights.
    pub fn train_step(&mut self, n: u32) -> Result<Vec<f32>, JsError> {
        let max = crate::train::MAX_STEPS_PER_CALL;
        if n == 0 || n as usize > max {
            return Err(error(
                "train_step",
                format!("n must be between 1 and {max}, got {n}"),
            ));
        }
        let batch = self.flow.trainer().config().batch_size as u64;
        let weights = self.flow.net().n_params() as u64;
        if u64::from(n) * batch * weights > MAX_TRAIN_WORK {
            return Err(error(
                "train_step",
                format!(
                    "{n} steps x batch {batch} x {weights} weights is more work than one call may do \
                     (at most {MAX_TRAIN_WORK}); ask for fewer steps per call"
                ),
            ));
        }
        let mut losses = vec![0.0; n as usize];
        self.flow
            .train(&mut losses)
            .map_err(|e| error("train_step", e))?;
        Ok(losses.into_iter().map(|l| l as f32).collect())
    }

    /// Training steps taken so far.
    pub fn steps(&self) -> f64 {
        self.flow.trainer().steps() as f64
    }

    /// The number of network parameters.
    pub fn n_params(&self) -> u32 {
        self.flow.net().n_params() as u32
    }

    pub fn set_learning_rate(&mut self, lr: f64) -> Result<(), JsError> {
        self.flow
            .trainer_mut()
            .set_learning_rate(lr)
            .map_err(|e| error("set_learning_rate", e))
    }

    /// `{ name, bounds: [xmin, xmax, ymin, ymax], entropy: number | null }`.
    pub fn target_info(&self) -> JsValue {
        let target = self.flow.target();
        ObjectBuilder::default()
            .set("name", target.name())
            .array("bounds", &target.bounds())
            .optional("entropy", target.entropy())
            .build()
    }

    /// `n` samples of N(0, I) from `seed`.
    pub fn sample_base(&self, n: u32, seed: u32) -> Result<Vec<f64>, JsError> {
        super::standard_normal_samples(n, seed)
    }

    /// `n` samples of the target from `seed`.
    pub fn sample_target(&self, n: u32, seed: u32) -> Result<Vec<f64>, JsError> {
        let mut out = vec![0.0; 2 * count("sample_target", n)?];
        self.flow
            .target()
            .sample(&mut StdRng::seed_from_u64(u64::from(seed)), &mut out);
        Ok(out)
    }

    /// The target's exact log-density at `points`, where it has a closed form.
    pub fn target_log_density(&self, points: &[f64]) -> Result<Vec<f64>, JsError> {
        let target = self.flow.target();
        if target.entropy().is_none() {
            return Err(error(
                "target_log_density",
                format!("'{}' has no closed-form density", target.name()),
            ));
        }
        let n = points.len() / 2;
        if !points.len().is_multiple_of(2)
            || n > MAX_POINTS
            || points.iter().any(|x| !x.is_finite())
        {
            return Err(error(
                "target_log_density",
                format!("points must be at most {MAX_POINTS} finite interleaved x, y pairs"),
            ));
        }
        Ok(points
            .chunks_exact(2)
            .map(|p| {
                target
                    .log_density([p[0], p[1]])
                    .unwrap_or(f64::NEG_INFINITY)
            })
            .collect())
    }

    /// Carries `points` from `t0` to each of `times`:
    /// `{ positions, log_det?, times, evaluations }`, rows by time.
    pub fn integrate(&self, points: &[f64], opts: JsValue) -> Result<JsValue, JsError> {
        let (o, method): (IntegrateOptions, _) = with_method("integrate", &opts)?;
        let method = self.bounded("integrate", method, points.len() / 2)?;
        let moved = self
            .flow
            .transport(points, o.t0, &o.times, method, o.log_det)
            .map_err(|e| error("integrate", e))?;
        let mut out = ObjectBuilder::default()
            .array("positions", &moved.positions)
            .array("times", &o.times)
            .set("evaluations", moved.evaluations as f64);
        if let Some(log_det) = moved.log_det {
            out = out.array("log_det", &log_det);
        }
        Ok(out.build())
    }

    /// log p_t at `points`: exact (the divergence integrated backward to t = 0) or, with
    /// `estimator: 'hutchinson'`, Hutchinson's unbiased ESTIMATE.
    pub fn log_density(&self, points: &[f64], opts: JsValue) -> Result<Vec<f64>, JsError> {
        let (o, method): (DensityOptions, _) = with_method("log_density", &opts)?;
        let method = self.bounded("log_density", method, points.len() / 2)?;
        let result = match (o.estimator.as_str(), o.probe.as_str()) {
            ("exact", _) => self.flow.log_density(points, o.t, method),
            ("hutchinson", "rademacher") => {
                self.flow
                    .log_density_hutchinson(points, o.t, method, Probe::Rademacher, o.seed)
            }
            ("hutchinson", "gaussian") => {
                self.flow
                    .log_density_hutchinson(points, o.t, method, Probe::Gaussian, o.seed)
            }
            ("hutchinson", p) => Err(format!(
                "unknown probe '{p}' (expected rademacher or gaussian)"
            )),
            (e, _) => Err(format!(
                "unknown estimator '{e}' (expected exact or hutchinson)"
            )),
        };
        result.map_err(|e| error("log_density", e))
    }

    /// v(x, t) at `points`.
    pub fn velocity(&self, points: &[f64], t: f64) -> Result<Vec<f64>, JsError> {
        self.flow
            .velocity(points, t)
            .map_err(|e| error("velocity", e))
    }

    /// div v(x, t) at `points`, exact.
    pub fn divergence(&self, points: &[f64], t: f64) -> Result<Vec<f64>, JsError> {
        self.flow
            .divergence(points, t)
            .map_err(|e| error("divergence", e))
    }

    /// Held-out scores: `{ n, nll, nll_sem, entropy, kl, energy_distance, sliced_w2 }` (nats).
    pub fn evaluate(&self, opts: JsValue) -> Result<JsValue, JsError> {
        let (o, method): (EvaluateOptions, _) = with_method("evaluate", &opts)?;
        let method = self.bounded("evaluate", method, o.n)?;
        let e = self
            .flow
            .evaluate(o.n, o.seed, method)
            .map_err(|e| error("evaluate", e))?;
        Ok(ObjectBuilder::default()
            .set("n", e.n as f64)
            .set("nll", e.nll)
            .set("nll_sem", e.nll_sem)
            .optional("entropy", e.entropy)
            .optional("kl", e.kl)
            .set("energy_distance", e.energy_distance)
            .set("sliced_w2", e.sliced_w2)
            .build())
    }

    /// The model as bytes (settings, target, network), for `FlowModel.load`.
    pub fn save(&self) -> Vec<u8> {
        self.flow.to_bytes()
    }

    /// A model saved by `save`; a corrupt or truncated blob is an error.
    pub fn load(bytes: &[u8]) -> Result<FlowModel, JsError> {
        let flow = Flow::from_bytes(bytes).map_err(|e| error("FlowModel.load", e))?;
        Ok(FlowModel { flow })
    }
}
