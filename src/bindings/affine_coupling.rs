//! `CouplingModel`: a RealNVP-style coupling flow trained by exact maximum likelihood, as
//! JavaScript sees it. The work is in `affine_coupling::{chunked, settings}` (tested natively);
//! these methods only convert.

use crate::affine_coupling::chunked::{self as run, MAX_STAGE_VALUES};
use crate::affine_coupling::settings::{chunk_points, CouplingSettings, MAX_PARAMS};
use crate::affine_coupling::{save, MaximumLikelihoodTrainer, MAX_LAYERS};
use crate::bindings::args::{arg, error};
use crate::bindings::convert::ObjectBuilder;
use crate::bindings::options::{options, EvaluateOptions};
use rand::{rngs::StdRng, SeedableRng};
use wasm_bindgen::prelude::*;

/// Largest saved flow `CouplingModel.load` reads: the most weights as f64, a weight count per
/// layer and the settings, with room to spare.
const MAX_SAVED_BYTES: usize = 8 * MAX_PARAMS + 4 * MAX_LAYERS + 1024;

/// A coupling flow f (data -> N(0, I)), its target and its Adam state, and the settings it was
/// made with.
#[wasm_bindgen]
pub struct CouplingModel {
    settings: CouplingSettings,
    trainer: MaximumLikelihoodTrainer,
    entropy: Option<f64>,
}

impl CouplingModel {
    fn with(settings: CouplingSettings, trainer: MaximumLikelihoodTrainer) -> Self {
        let entropy = trainer.target().entropy();
        CouplingModel {
            settings,
            trainer,
            entropy,
        }
    }
}

#[wasm_bindgen]
impl CouplingModel {
    /// An untrained flow (the identity); options
    /// `{ target, layers, width, depth, activation, scale_bound, lr, batch, seed }`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "CouplingOptions")] settings: JsValue,
    ) -> Result<CouplingModel, JsError> {
        let settings: CouplingSettings = options("CouplingModel", &settings)?;
        let trainer = settings.trainer().map_err(|e| error("CouplingModel", e))?;
        Ok(CouplingModel::with(settings, trainer))
    }

    /// The flow as bytes (settings, steps, weights), for `CouplingModel.load`.
    pub fn save(&self) -> Vec<u8> {
        save::to_bytes(&self.settings, &self.trainer)
    }

    /// A flow saved by `save`, with its settings and steps; a corrupt or truncated blob is an
    /// error.
    pub fn load(
        #[wasm_bindgen(unchecked_param_type = "Uint8Array | number[]")] bytes: JsValue,
    ) -> Result<CouplingModel, JsError> {
        const CONTEXT: &str = "CouplingModel.load";
        let bytes = arg(CONTEXT, "bytes", &bytes).bytes(MAX_SAVED_BYTES)?;
        let (settings, trainer) = save::from_bytes(&bytes).map_err(|e| error(CONTEXT, e))?;
        Ok(CouplingModel::with(settings, trainer))
    }

    /// Runs `n` steps: `{ losses, base, logDet }` (Float64Array of n each; loss = -(base + logDet),
    /// the minibatch means of log N(f(x)) and ln|det df/dx|). Throws if training diverges; the last
    /// good weights are kept.
    pub fn train_step(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number")] n: JsValue,
    ) -> Result<JsValue, JsError> {
        const CONTEXT: &str = "CouplingModel.train_step";
        let n = arg(CONTEXT, "n", &n).integer(0, u32::MAX.into())? as u32;
        let chunk = run::train_chunk(&mut self.trainer, n).map_err(|e| error(CONTEXT, e))?;
        Ok(ObjectBuilder::default()
            .array("losses", &chunk.losses)
            .array("base", &chunk.base)
            .array("logDet", &chunk.log_det)
            .build())
    }

    /// `n` samples f^{-1}(z) of the model, z ~ N(0, I) from `seed`.
    pub fn sample(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number")] n: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] seed: JsValue,
    ) -> Result<Vec<f64>, JsError> {
        const CONTEXT: &str = "CouplingModel.sample";
        let n = arg(CONTEXT, "n", &n).integer(0, u32::MAX.into())? as u32;
        let seed = arg(CONTEXT, "seed", &seed).seed()?;
        let rows = chunk_points(&self.trainer.flow().config());
        run::sample(self.trainer.flow_mut(), n, seed, rows).map_err(|e| error(CONTEXT, e))
    }

    /// `n` samples of the target from `seed`.
    pub fn sample_target(
        &self,
        #[wasm_bindgen(unchecked_param_type = "number")] n: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] seed: JsValue,
    ) -> Result<Vec<f64>, JsError> {
        const CONTEXT: &str = "CouplingModel.sample_target";
        let n = arg(CONTEXT, "n", &n).count(1, run::MAX_POINTS)?;
        let seed = arg(CONTEXT, "seed", &seed).seed()?;
        let mut out = vec![0.0; 2 * n];
        let mut rng = StdRng::seed_from_u64(seed);
        self.trainer.target().sample(&mut rng, &mut out);
        Ok(out)
    }

    /// The model's exact log p(x) = log N(f(x)) + ln|det df/dx| at `points`.
    pub fn log_density(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Points")] points: JsValue,
    ) -> Result<Vec<f64>, JsError> {
        const CONTEXT: &str = "CouplingModel.log_density";
        let points = arg(CONTEXT, "points", &points).points(run::MAX_POINTS)?;
        let rows = chunk_points(&self.trainer.flow().config());
        let (base, log_det) = run::per_point(self.trainer.flow_mut(), &points, rows)
            .map_err(|e| error(CONTEXT, e))?;
        Ok(base.iter().zip(&log_det).map(|(b, l)| b + l).collect())
    }

    /// The points after each layer: `{ layers: L, positions: (L + 1) rows of 2n (row 0 the input,
    /// row L = f(x)), logDets: L rows of n (each layer's ln|det|) }`.
    pub fn stages(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Points")] points: JsValue,
    ) -> Result<JsValue, JsError> {
        const CONTEXT: &str = "CouplingModel.stages";
        let points = arg(CONTEXT, "points", &points).points(run::MAX_POINTS)?;
        let rows = self.trainer.flow().config().layers + 1;
        let max = (MAX_STAGE_VALUES / (2 * rows)).min(chunk_points(&self.trainer.flow().config()));
        let flow = self.trainer.flow_mut();
        let stages = run::points(&points, max)
            .and_then(|_| flow.stages(&points))
            .map_err(|e| error(CONTEXT, e))?;
        Ok(ObjectBuilder::default()
            .set("layers", (rows - 1) as f64)
            .array("positions", &stages.positions)
            .array("logDets", &stages.log_dets)
            .build())
    }

    /// Held-out scores in nats: `{ n, nll, nllSem, base, logDet, entropy, kl }` (entropy and kl
    /// are null when the target's density has no closed form); options `{ n: 2000, seed: 12345 }`.
    pub fn evaluate(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "EvaluateOptions")] opts: JsValue,
    ) -> Result<JsValue, JsError> {
        const CONTEXT: &str = "CouplingModel.evaluate";
        let o: EvaluateOptions = options(CONTEXT, &opts)?;
        let h = run::held_out(
            &mut self.trainer,
            self.entropy,
            u32::try_from(o.n).unwrap_or(u32::MAX),
            o.seed,
        )
        .map_err(|e| error(CONTEXT, e))?;
        Ok(ObjectBuilder::default()
            .set("n", h.n as f64)
            .set("nll", h.nll)
            .set("nllSem", h.nll_sem)
            .set("base", h.base)
            .set("logDet", h.log_det)
            .optional("entropy", h.entropy)
            .optional("kl", h.kl)
            .build())
    }

    /// `{ name, bounds: [xmin, xmax, ymin, ymax], entropy: number | null }`.
    pub fn target_info(&self) -> JsValue {
        let target = self.trainer.target();
        ObjectBuilder::default()
            .set("name", target.name())
            .array("bounds", &target.bounds())
            .optional("entropy", self.entropy)
            .build()
    }

    /// Training steps taken so far.
    pub fn steps(&self) -> f64 {
        self.trainer.steps() as f64
    }

    /// The number of coupling layers.
    pub fn layers(&self) -> u32 {
        self.trainer.flow().config().layers as u32
    }

    /// The number of weights over all conditioners.
    pub fn n_params(&self) -> u32 {
        self.trainer.flow().n_params() as u32
    }
}
