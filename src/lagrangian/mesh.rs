//! The mesh pushed forward by the flow: every vertex carries x_t and J_t = dx_t/dx_0, from
//!
//! dx/dt = v(x, t),   dJ/dt = (dv/dx) J,   J_0 = I,
//!
//! and so its log-density log p_t(x_t) = log p_0(x_0) - log |det J_t| with p_0 = N(0, I).

use super::config::MeshConfig;
use super::triangles::triangle_indices;
use crate::density::standard_normal_log_density;
use crate::field::VelocityField;
use crate::integrate::augmented::{
    log_abs_det, pack, Augmentation, FieldScratch, Jacobian, JacobianOde,
};
use crate::integrate::{Method, Solver, Stats};

/// Record length per vertex in the state: x, y, J11, J12, J21, J22.
const STRIDE: usize = Jacobian::STRIDE;

/// A deformed, density-coloured mesh, advanced incrementally in time.
///
/// Every buffer is allocated by [`Mesh::new`], except the solver's stages and the field scratch,
/// which the first [`Mesh::advance_to`] (and the first after a change of method) sizes; later
/// calls allocate nothing.
pub struct Mesh {
    config: MeshConfig,
    t: f64,
    /// The ODE state, one record of `STRIDE` numbers per vertex.
    state: Vec<f64>,
    /// log p_0(x_0) per vertex.
    base: Vec<f64>,
    positions: Vec<f64>,
    log_det: Vec<f64>,
    log_density: Vec<f64>,
    triangles: Vec<u32>,
    /// Rebuilt only when the method changes.
    solver: Solver,
    scratch: FieldScratch,
}

impl Mesh {
    /// The mesh at t = 0: vertices on the grid of `config`, J = I.
    pub fn new(config: MeshConfig) -> Result<Self, String> {
        config.validate()?;
        let n = config.vertices();
        let mut mesh = Self {
            config,
            t: 0.0,
            state: vec![0.0; STRIDE * n],
            base: vec![0.0; n],
            positions: vec![0.0; 2 * n],
            log_det: vec![0.0; n],
            log_density: vec![0.0; n],
            triangles: triangle_indices(config.side),
            solver: Solver::new(Method::Rk4 { steps: 1 }).map_err(|e| e.to_string())?,
            scratch: FieldScratch::default(),
        };
        mesh.reset();
        Ok(mesh)
    }

    /// Back to t = 0: x_t = x_0, J = I, log p = log N(x_0; 0, I).
    pub fn reset(&mut self) {
        self.config.write_vertices(&mut self.positions);
        for (b, x) in self.base.iter_mut().zip(self.positions.chunks_exact(2)) {
            *b = standard_normal_log_density(x);
        }
        pack(&self.positions, Jacobian::INITIAL, &mut self.state)
            .expect("a valid config gives a non-empty state of matching length");
        self.t = 0.0;
        self.publish();
    }

    /// Integrates from the current time to `t` (earlier or later) with `method`, whose step count
    /// (for fixed-step methods) applies to this call: an animation pays only for the step from
    /// the previous frame. A non-finite `t` or an invalid method is refused without touching the
    /// mesh; if the integration itself fails (e.g. the state blows up), the mesh is [`reset`](Mesh::reset).
    pub fn advance_to<F: VelocityField + ?Sized>(
        &mut self,
        field: &mut F,
        t: f64,
        method: Method,
    ) -> Result<Stats, String> {
        if !t.is_finite() {
            return Err(format!("the target time must be finite, got {t}"));
        }
        if self.solver.method() != method {
            self.solver = Solver::new(method).map_err(|e| e.to_string())?;
        }
        let scratch = std::mem::take(&mut self.scratch);
        let mut ode = JacobianOde::with_scratch(field, Jacobian, scratch);
        let result = self.solver.integrate(&mut ode, self.t, t, &mut self.state);
        self.scratch = ode.into_scratch();
        match result {
            Ok(stats) => {
                self.t = t;
                self.publish();
                Ok(stats)
            }
            Err(e) => {
                self.reset();
                Err(format!("{e}; the mesh was reset to t = 0"))
            }
        }
    }

    /// Copies positions and log det J out of the state and forms log p_t.
    fn publish(&mut self) {
        let per_vertex = self
            .state
            .chunks_exact(STRIDE)
            .zip(self.positions.chunks_exact_mut(2))
            .zip(self.log_det.iter_mut().zip(&mut self.log_density))
            .zip(&self.base);
        for (((record, x), (log_det, log_p)), base) in per_vertex {
            x.copy_from_slice(&record[..2]);
            *log_det = log_abs_det(&record[2..]);
            *log_p = base - *log_det;
        }
    }

    pub fn config(&self) -> MeshConfig {
        self.config
    }

    /// The current time t.
    pub fn time(&self) -> f64 {
        self.t
    }

    /// Number of vertices, side².
    pub fn vertices(&self) -> usize {
        self.base.len()
    }

    /// x_t of every vertex, interleaved (2 per vertex; vertex (i, j) at index j · side + i).
    pub fn positions(&self) -> &[f64] {
        &self.positions
    }

    /// log p_t(x_t) = log p_0(x_0) - log |det J_t| per vertex.
    pub fn log_density(&self) -> &[f64] {
        &self.log_density
    }

    /// log |det J_t| per vertex: how much the flow has stretched (> 0) or squeezed (< 0) area there.
    pub fn log_det(&self) -> &[f64] {
        &self.log_det
    }

    /// J_t of vertex `k`, row-major [dx/dx0, dx/dy0, dy/dx0, dy/dy0]; `None` if out of range.
    pub fn jacobian(&self, k: usize) -> Option<[f64; 4]> {
        let record = self.state.get(STRIDE * k..STRIDE * (k + 1))?;
        Some([record[2], record[3], record[4], record[5]])
    }

    /// The fixed triangle list, three u32 vertex indices per triangle, 2 (side - 1)² triangles.
    pub fn triangles(&self) -> &[u32] {
        &self.triangles
    }
}
