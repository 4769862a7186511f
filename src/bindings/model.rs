//! `FlowModel`: the learned flow as JavaScript sees it.

use super::args::{arg, error};
use super::convert::ObjectBuilder;
use super::method::{bounded, with_method};
use super::options::{options_except, EvaluateOptions};
use super::settings::ModelSettings;
use crate::budget::TRAINING;
use crate::field::mlp::MlpField;
use crate::flow::{Flow, MAX_POINTS};
use crate::integrate::augmented::Probe;
use crate::integrate::Method;
use crate::pairing::ReflowPlan;
use js_sys::Reflect;
use rand::{rngs::StdRng, SeedableRng};
use serde::Deserialize;
use wasm_bindgen::prelude::*;

/// Largest saved model `FlowModel.load` reads: the widest, deepest network's f32 weights and a
/// `'points'` target's points, with room to spare.
const MAX_SAVED_BYTES: usize = 1 << 26;

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
#[serde(default, deny_unknown_fields)]
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

/// `log_density` options.
#[derive(Deserialize)]
#[serde(default, deny_unknown_fields)]
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

/// The points of a `'points'` target, `options.points`, read apart from the other options.
fn target_points(value: &JsValue) -> Result<Option<Vec<f64>>, JsError> {
    if !value.is_object() {
        return Ok(None);
    }
    let points = Reflect::get(value, &"points".into())
        .map_err(|_| error("FlowModel", "reading options.points threw"))?;
    if points.is_undefined() {
        return Ok(None);
    }
    let max = crate::target::points::MAX_POINTS;
    arg("FlowModel", "options.points", &points)
        .points(max)
        .map(Some)
}

#[wasm_bindgen]
impl FlowModel {
    /// A new, untrained model; see `ModelSettings` for the options and their defaults.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "ModelOptions")] options: JsValue,
    ) -> Result<FlowModel, JsError> {
        const CONTEXT: &str = "FlowModel";
        let points = target_points(&options)?;
        let settings: ModelSettings = options_except(CONTEXT, &options, "points")?;
        let target = settings
            .target(points.as_deref())
            .map_err(|e| error(CONTEXT, e))?;
        let config = settings.train_config().map_err(|e| error(CONTEXT, e))?;
        let flow = Flow::new(target, config).map_err(|e| error(CONTEXT, e))?;
        let flow = match settings.reflow() {
            Some(plan) => flow.with_reflow(plan),
            None => flow,
        };
        Ok(FlowModel { flow })
    }

    /// Runs `n` flow-matching steps and returns their losses, mean_b ||v(x_t, t) - u_t||².
    /// If training diverges, throws and keeps the last good weights.
    pub fn train_step(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number")] n: JsValue,
    ) -> Result<Vec<f32>, JsError> {
        const CONTEXT: &str = "FlowModel.train_step";
        let n = arg(CONTEXT, "n", &n).count(1, crate::train::MAX_STEPS_PER_CALL)?;
        let batch = self.flow.trainer().config().batch_size;
        let weights = self.flow.net().n_params();
        TRAINING
            .check(batch, n as u64, weights)
            .map_err(|e| error(CONTEXT, e))?;
        let mut losses = vec![0.0; n];
        self.flow
            .train(&mut losses)
            .map_err(|e| error(CONTEXT, e))?;
        Ok(losses.into_iter().map(|l| l as f32).collect())
    }

    /// One reflow step now (rectified flow): carries the lab's pool of noise points to their
    /// images under the model's own ODE and trains on those pairs from now on.
    pub fn start_reflow(&mut self) -> Result<(), JsError> {
        self.flow
            .start_reflow(ReflowPlan::default())
            .map_err(|e| error("FlowModel.start_reflow", e))
    }

    /// Training steps taken so far.
    pub fn steps(&self) -> f64 {
        self.flow.trainer().steps() as f64
    }

    /// The number of network parameters.
    pub fn n_params(&self) -> u32 {
        self.flow.net().n_params() as u32
    }

    pub fn set_learning_rate(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number")] lr: JsValue,
    ) -> Result<(), JsError> {
        const CONTEXT: &str = "FlowModel.set_learning_rate";
        let lr = arg(CONTEXT, "lr", &lr).number()?;
        self.flow
            .trainer_mut()
            .set_learning_rate(lr)
            .map_err(|e| error(CONTEXT, e))
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
    pub fn sample_base(
        &self,
        #[wasm_bindgen(unchecked_param_type = "number")] n: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] seed: JsValue,
    ) -> Result<Vec<f64>, JsError> {
        super::samples::normal_samples("FlowModel.sample_base", &n, &seed)
    }

    /// `n` samples of the target from `seed`.
    pub fn sample_target(
        &self,
        #[wasm_bindgen(unchecked_param_type = "number")] n: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] seed: JsValue,
    ) -> Result<Vec<f64>, JsError> {
        const CONTEXT: &str = "FlowModel.sample_target";
        let n = arg(CONTEXT, "n", &n).count(1, MAX_POINTS)?;
        let seed = arg(CONTEXT, "seed", &seed).seed()?;
        let mut out = vec![0.0; 2 * n];
        self.flow
            .target()
            .sample(&mut StdRng::seed_from_u64(seed), &mut out);
        Ok(out)
    }

    /// The target's exact log-density at `points`, where it has a closed form.
    pub fn target_log_density(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Points")] points: JsValue,
    ) -> Result<Vec<f64>, JsError> {
        const CONTEXT: &str = "FlowModel.target_log_density";
        let points = arg(CONTEXT, "points", &points).points(MAX_POINTS)?;
        let target = self.flow.target();
        if target.entropy().is_none() {
            return Err(error(
                CONTEXT,
                format!("'{}' has no closed-form density", target.name()),
            ));
        }
        if points.iter().any(|x| !x.is_finite()) {
            return Err(error(CONTEXT, "points must be finite"));
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
    /// `{ positions, logDet?, times, evaluations }`, rows by time.
    pub fn integrate(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Points")] points: JsValue,
        #[wasm_bindgen(unchecked_param_type = "IntegrateOptions")] options: JsValue,
    ) -> Result<JsValue, JsError> {
        const CONTEXT: &str = "FlowModel.integrate";
        let points = arg(CONTEXT, "points", &points).points(MAX_POINTS)?;
        let (o, method): (IntegrateOptions, _) = with_method(CONTEXT, &options)?;
        let method = self.bounded(CONTEXT, method, points.len() / 2)?;
        let moved = self
            .flow
            .transport(&points, o.t0, &o.times, method, o.log_det)
            .map_err(|e| error(CONTEXT, e))?;
        let mut out = ObjectBuilder::default()
            .array("positions", &moved.positions)
            .array("times", &o.times)
            .set("evaluations", moved.evaluations as f64);
        if let Some(log_det) = moved.log_det {
            out = out.array("logDet", &log_det);
        }
        Ok(out.build())
    }

    /// log p_t at `points`: exact (the divergence integrated backward to t = 0) or, with
    /// `estimator: 'hutchinson'`, Hutchinson's unbiased ESTIMATE.
    pub fn log_density(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Points")] points: JsValue,
        #[wasm_bindgen(unchecked_param_type = "DensityOptions")] options: JsValue,
    ) -> Result<Vec<f64>, JsError> {
        const CONTEXT: &str = "FlowModel.log_density";
        let points = arg(CONTEXT, "points", &points).points(MAX_POINTS)?;
        let (o, method): (DensityOptions, _) = with_method(CONTEXT, &options)?;
        let method = self.bounded(CONTEXT, method, points.len() / 2)?;
        let result = match (o.estimator.as_str(), o.probe.as_str()) {
            ("exact", _) => self.flow.log_density(&points, o.t, method),
            ("hutchinson", "rademacher") => {
                self.flow
                    .log_density_hutchinson(&points, o.t, method, Probe::Rademacher, o.seed)
            }
            ("hutchinson", "gaussian") => {
                self.flow
                    .log_density_hutchinson(&points, o.t, method, Probe::Gaussian, o.seed)
            }
            ("hutchinson", p) => Err(format!(
                "unknown probe '{p}' (expected rademacher or gaussian)"
            )),
            (e, _) => Err(format!(
                "unknown estimator '{e}' (expected exact or hutchinson)"
            )),
        };
        result.map_err(|e| error(CONTEXT, e))
    }

    /// v(x, t) at `points`.
    pub fn velocity(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Points")] points: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] t: JsValue,
    ) -> Result<Vec<f64>, JsError> {
        const CONTEXT: &str = "FlowModel.velocity";
        let points = arg(CONTEXT, "points", &points).points(MAX_POINTS)?;
        let t = arg(CONTEXT, "t", &t).number()?;
        self.flow
            .velocity(&points, t)
            .map_err(|e| error(CONTEXT, e))
    }

    /// div v(x, t) at `points`, exact.
    pub fn divergence(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Points")] points: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] t: JsValue,
    ) -> Result<Vec<f64>, JsError> {
        const CONTEXT: &str = "FlowModel.divergence";
        let points = arg(CONTEXT, "points", &points).points(MAX_POINTS)?;
        let t = arg(CONTEXT, "t", &t).number()?;
        self.flow
            .divergence(&points, t)
            .map_err(|e| error(CONTEXT, e))
    }

    /// Held-out scores: `{ n, nll, nllSem, entropy, kl, energyDistance, slicedW2 }` (nats).
    pub fn evaluate(
        &self,
        #[wasm_bindgen(unchecked_param_type = "EvaluateOptions & MethodOptions")] options: JsValue,
    ) -> Result<JsValue, JsError> {
        const CONTEXT: &str = "FlowModel.evaluate";
        let (o, method): (EvaluateOptions, _) = with_method(CONTEXT, &options)?;
        let method = self.bounded(CONTEXT, method, o.n)?;
        let e = self
            .flow
            .evaluate(o.n, o.seed, method)
            .map_err(|e| error(CONTEXT, e))?;
        Ok(ObjectBuilder::default()
            .set("n", e.n as f64)
            .set("nll", e.nll)
            .set("nllSem", e.nll_sem)
            .optional("entropy", e.entropy)
            .optional("kl", e.kl)
            .set("energyDistance", e.energy_distance)
            .set("slicedW2", e.sliced_w2)
            .build())
    }

    /// The model as bytes (settings, target, network), for `FlowModel.load`.
    pub fn save(&self) -> Vec<u8> {
        self.flow.to_bytes()
    }

    /// A model saved by `save`; a corrupt or truncated blob is an error.
    pub fn load(
        #[wasm_bindgen(unchecked_param_type = "Uint8Array | number[]")] bytes: JsValue,
    ) -> Result<FlowModel, JsError> {
        const CONTEXT: &str = "FlowModel.load";
        let bytes = arg(CONTEXT, "bytes", &bytes).bytes(MAX_SAVED_BYTES)?;
        let flow = Flow::from_bytes(&bytes).map_err(|e| error(CONTEXT, e))?;
        Ok(FlowModel { flow })
    }
}
