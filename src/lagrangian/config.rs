//! The settings of a Lagrangian mesh: an n × n grid of vertices over a box, and their validation.

/// The most vertices per side. The mesh and an RK4 solver keep about 40 numbers per vertex
/// (84 MB at 512²); a finer mesh would not show more on screen.
pub const MAX_MESH_SIDE: usize = 512;

/// `side × side` vertices spaced evenly over [xmin, xmax] × [ymin, ymax], corners included.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MeshConfig {
    /// Vertices per side, 2 ..= [`MAX_MESH_SIDE`].
    pub side: usize,
    pub xmin: f64,
    pub xmax: f64,
    pub ymin: f64,
    pub ymax: f64,
}

impl Default for MeshConfig {
    /// 64 × 64 vertices on [-3, 3]², which holds 99.5% of the base N(0, I).
    fn default() -> Self {
        Self {
            side: 64,
            xmin: -3.0,
            xmax: 3.0,
            ymin: -3.0,
            ymax: 3.0,
        }
    }
}

impl MeshConfig {
    /// Checks every setting; the message names the first bad one.
    pub fn validate(&self) -> Result<(), String> {
        if !(2..=MAX_MESH_SIDE).contains(&self.side) {
            return Err(format!(
                "vertices per side must be between 2 and {MAX_MESH_SIDE}, got {}",
                self.side
            ));
        }
        check_interval("x", self.xmin, self.xmax)?;
        check_interval("y", self.ymin, self.ymax)
    }

    /// Number of vertices, side².
    pub fn vertices(&self) -> usize {
        self.side * self.side
    }

    /// Writes the interleaved starting positions x_0: vertex (i, j) is
    /// (xmin + i dx, ymin + j dy) with dx = (xmax - xmin) / (side - 1), stored at index
    /// j · side + i, so row 0 is the bottom row. `out.len() == 2 side²`.
    pub(super) fn write_vertices(&self, out: &mut [f64]) {
        let step = |lo: f64, hi: f64| (hi - lo) / (self.side - 1) as f64;
        let (dx, dy) = (step(self.xmin, self.xmax), step(self.ymin, self.ymax));
        for (k, p) in out.chunks_exact_mut(2).enumerate() {
            let (j, i) = (k / self.side, k % self.side);
            p[0] = self.xmin + i as f64 * dx;
            p[1] = self.ymin + j as f64 * dy;
        }
    }
}

/// A side of the box must be finite with min < max.
fn check_interval(axis: &str, lo: f64, hi: f64) -> Result<(), String> {
    if lo.is_finite() && hi.is_finite() && (hi - lo).is_finite() && lo < hi {
        Ok(())
    } else {
        Err(format!(
            "the box needs finite {axis}min < {axis}max, got [{lo}, {hi}]"
        ))
    }
}
