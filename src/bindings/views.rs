//! The two views of the density: `EulerianView` (a fixed grid, the continuity equation) and
//! `LagrangianView` (a mesh carried by the flow, the Jacobian), and `trajectory_check`, the
//! identity d/dt log det J = div v along one particle.

use super::args::{arg, error};
use super::convert::ObjectBuilder;
use super::method::{method_only, with_method};
use super::model::FlowModel;
use super::options::options;
use crate::eulerian::{EulerianGrid, GridConfig};
use crate::integrate::Method;
use crate::lagrangian::{diagnose, Mesh, MeshConfig};
use serde::Deserialize;
use wasm_bindgen::prelude::*;

/// `new EulerianView({ cells, box, cfl })`.
#[derive(Deserialize)]
#[serde(default, deny_unknown_fields)]
pub(super) struct GridOptions {
    cells: usize,
    #[serde(rename = "box")]
    bounds: [f64; 4],
    cfl: f64,
}

impl Default for GridOptions {
    fn default() -> Self {
        Self {
            cells: 96,
            bounds: [-4.5, 4.5, -4.5, 4.5],
            cfl: 0.2,
        }
    }
}

impl GridOptions {
    /// The grid these options describe (not yet validated).
    pub(super) fn config(&self) -> GridConfig {
        let [xmin, xmax, ymin, ymax] = self.bounds;
        GridConfig {
            cells: self.cells,
            xmin,
            xmax,
            ymin,
            ymax,
            cfl: self.cfl,
            ..GridConfig::default()
        }
    }
}

/// `compare(model, { threshold, method, steps, ... })`.
#[derive(Deserialize)]
#[serde(default, deny_unknown_fields)]
struct CompareOptions {
    threshold: f64,
}

impl Default for CompareOptions {
    fn default() -> Self {
        Self { threshold: 1e-3 }
    }
}

/// The density on a fixed grid, advanced by a finite-volume solver of dp/dt + div(p v) = 0.
#[wasm_bindgen]
pub struct EulerianView {
    grid: EulerianGrid,
}

#[wasm_bindgen]
impl EulerianView {
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "GridOptions")] opts: JsValue,
    ) -> Result<EulerianView, JsError> {
        let o: GridOptions = options("EulerianView", &opts)?;
        let grid = EulerianGrid::new(o.config()).map_err(|e| error("EulerianView", e))?;
        Ok(EulerianView { grid })
    }

    /// Advances the density to time `t` (forward only: `reset` goes back to t = 0).
    pub fn advance_to(
        &mut self,
        model: &FlowModel,
        #[wasm_bindgen(unchecked_param_type = "number")] t: JsValue,
    ) -> Result<(), JsError> {
        let t = arg("EulerianView.advance_to", "t", &t).number()?;
        if !(0.0..=1.0).contains(&t) {
            return Err(error(
                "EulerianView.advance_to",
                format!("t must be in [0, 1], got {t}"),
            ));
        }
        self.grid
            .advance_to(&mut model.field(), t)
            .map_err(|e| error("EulerianView.advance_to", e))
    }

    /// Back to p_0 = N(0, I) at t = 0.
    pub fn reset(&mut self) {
        self.grid.reset();
    }

    pub fn t(&self) -> f64 {
        self.grid.t()
    }

    pub fn steps(&self) -> u32 {
        self.grid.steps() as u32
    }

    /// Cell averages, row-major, row 0 at ymin.
    pub fn density(&self) -> Vec<f64> {
        self.grid.density().to_vec()
    }

    pub fn mass(&self) -> f64 {
        self.grid.mass()
    }

    pub fn outflow(&self) -> f64 {
        self.grid.outflow()
    }

    pub fn initial_mass(&self) -> f64 {
        self.grid.initial_mass()
    }

    /// The exact density of `model` at the grid's time on its cell centres (log-density integrated
    /// backward), and its agreement with the grid: `{ l1, maxRelative, exact }`.
    pub fn compare(
        &self,
        model: &FlowModel,
        #[wasm_bindgen(unchecked_param_type = "CompareOptions")] opts: JsValue,
    ) -> Result<JsValue, JsError> {
        let (o, method): (CompareOptions, Method) = with_method("EulerianView.compare", &opts)?;
        let cells = self.grid.cell_centres().len() / 2;
        let method = model.bounded("EulerianView.compare", method, cells)?;
        let log_p = model
            .flow()
            .log_density(self.grid.cell_centres(), self.grid.t(), method)
            .map_err(|e| error("EulerianView.compare", e))?;
        let exact: Vec<f64> = log_p.iter().map(|l| l.exp()).collect();
        let agreement = self
            .grid
            .compare_with(&exact, o.threshold)
            .map_err(|e| error("EulerianView.compare", e))?;
        Ok(ObjectBuilder::default()
            .set("l1", agreement.l1)
            .set("maxRelative", agreement.max_relative)
            .array("exact", &exact)
            .build())
    }
}

/// `new LagrangianView({ n, box })`.
#[derive(Deserialize)]
#[serde(default, deny_unknown_fields)]
pub(super) struct MeshOptions {
    n: usize,
    #[serde(rename = "box")]
    bounds: [f64; 4],
}

impl Default for MeshOptions {
    fn default() -> Self {
        Self {
            n: 48,
            bounds: [-3.0, 3.0, -3.0, 3.0],
        }
    }
}

impl MeshOptions {
    /// The mesh these options describe (not yet validated).
    pub(super) fn config(&self) -> MeshConfig {
        let [xmin, xmax, ymin, ymax] = self.bounds;
        MeshConfig {
            side: self.n,
            xmin,
            xmax,
            ymin,
            ymax,
        }
    }
}

/// A mesh of particles carried by the flow; each vertex knows J_t and so log p_t.
#[wasm_bindgen]
pub struct LagrangianView {
    mesh: Mesh,
}

#[wasm_bindgen]
impl LagrangianView {
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "MeshOptions")] opts: JsValue,
    ) -> Result<LagrangianView, JsError> {
        let o: MeshOptions = options("LagrangianView", &opts)?;
        let mesh = Mesh::new(o.config()).map_err(|e| error("LagrangianView", e))?;
        Ok(LagrangianView { mesh })
    }

    /// Moves the mesh from its current time to `t` (either direction) with `{ method, steps }`,
    /// `steps` counted for this move.
    pub fn advance_to(
        &mut self,
        model: &FlowModel,
        #[wasm_bindgen(unchecked_param_type = "number")] t: JsValue,
        #[wasm_bindgen(unchecked_param_type = "MethodOptions")] opts: JsValue,
    ) -> Result<(), JsError> {
        let t = arg("LagrangianView.advance_to", "t", &t).number()?;
        if !(0.0..=1.0).contains(&t) {
            return Err(error(
                "LagrangianView.advance_to",
                format!("t must be in [0, 1], got {t}"),
            ));
        }
        let method = method_only("LagrangianView.advance_to", &opts)?;
        let vertices = self.mesh.positions().len() / 2;
        let method = model.bounded("LagrangianView.advance_to", method, vertices)?;
        self.mesh
            .advance_to(&mut model.field(), t, method)
            .map_err(|e| error("LagrangianView.advance_to", e))?;
        Ok(())
    }

    pub fn reset(&mut self) {
        self.mesh.reset();
    }

    pub fn t(&self) -> f64 {
        self.mesh.time()
    }

    /// Vertices per side.
    pub fn n(&self) -> u32 {
        self.mesh.config().side as u32
    }

    /// Vertex positions x_t, interleaved; vertex (i, j) at index j n + i, row 0 at the bottom.
    pub fn positions(&self) -> Vec<f64> {
        self.mesh.positions().to_vec()
    }

    /// log p_t(x_t) = log p_0(x_0) - log|det J_t| per vertex.
    pub fn log_density(&self) -> Vec<f64> {
        self.mesh.log_density().to_vec()
    }

    pub fn log_det(&self) -> Vec<f64> {
        self.mesh.log_det().to_vec()
    }

    /// Three vertex indices per triangle, two triangles per quad.
    pub fn triangles(&self) -> Vec<u32> {
        self.mesh.triangles().to_vec()
    }
}

/// `trajectory_check(model, x0, { samples, method, steps, ... })`.
#[derive(Deserialize)]
#[serde(default, deny_unknown_fields)]
struct CheckOptions {
    samples: usize,
}

impl Default for CheckOptions {
    fn default() -> Self {
        Self { samples: 101 }
    }
}

/// Along the particle that starts at `x0` (one point): log|det J_t| from the Jacobian ODE, its
/// time derivative by finite differences, and div v(x_t, t) from the field, at `samples` evenly
/// spaced times: `{ times, positions, logDet, logDensity, dlogdetDt, divergence, maxGap }`.
#[wasm_bindgen]
pub fn trajectory_check(
    model: &FlowModel,
    #[wasm_bindgen(unchecked_param_type = "Points")] x0: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CheckOptions")] opts: JsValue,
) -> Result<JsValue, JsError> {
    let x0 = arg("trajectory_check", "x0", &x0).numbers(2)?;
    let (o, method): (CheckOptions, Method) = with_method("trajectory_check", &opts)?;
    let method = model.bounded("trajectory_check", method, o.samples)?;
    if x0.len() != 2 {
        return Err(error(
            "trajectory_check",
            format!("x0 must be one point (2 numbers), got {}", x0.len()),
        ));
    }
    if !(5..=100_000).contains(&o.samples) {
        return Err(error(
            "trajectory_check",
            format!("samples must be between 5 and 100000, got {}", o.samples),
        ));
    }
    let times: Vec<f64> = (0..o.samples)
        .map(|k| k as f64 / (o.samples - 1) as f64)
        .collect();
    let d = diagnose(&mut model.field(), &x0, &times, method)
        .map_err(|e| error("trajectory_check", e))?;
    Ok(ObjectBuilder::default()
        .array("times", &d.times)
        .array("positions", &d.positions)
        .array("logDet", &d.log_det)
        .array("logDensity", &d.log_density)
        .array("dlogdetDt", &d.log_det_rate)
        .array("divergence", &d.divergence)
        .set("maxGap", d.max_gap)
        .build())
}
