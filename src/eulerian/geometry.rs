//! Where the cells and faces of the grid are.
//!
//! Cell (i, j) (column i along x, row j along y) is [xmin + i dx, xmin + (i+1) dx] × [ymin + j dy, ...],
//! stored row-major at index j N + i. The x-faces (normal along x) form N rows of N + 1, face (i, j)
//! at (xmin + i dx, y_j); the y-faces (normal along y) form N + 1 rows of N, face (i, j) at
//! (x_i, ymin + j dy). Face i of a row lies between cells i - 1 and i.

use super::config::GridConfig;

/// The grid's shape: N cells per side of widths dx, dy from the corner (xmin, ymin).
#[derive(Clone, Copy, Debug)]
pub(super) struct Geometry {
    pub n: usize,
    pub xmin: f64,
    pub ymin: f64,
    pub dx: f64,
    pub dy: f64,
}

impl Geometry {
    /// The geometry of a validated configuration.
    pub fn new(c: &GridConfig) -> Self {
        let n = c.cells;
        Self {
            n,
            xmin: c.xmin,
            ymin: c.ymin,
            dx: (c.xmax - c.xmin) / n as f64,
            dy: (c.ymax - c.ymin) / n as f64,
        }
    }

    /// N², the number of cells.
    pub fn cells(&self) -> usize {
        self.n * self.n
    }

    /// N (N + 1), the number of x-faces, which is also the number of y-faces.
    pub fn faces_per_axis(&self) -> usize {
        self.n * (self.n + 1)
    }

    /// The centre of the k-th cell along x (or y, with `ymin`, `dy`): lo + (k + 1/2) h.
    fn centre(lo: f64, h: f64, k: usize) -> f64 {
        lo + (k as f64 + 0.5) * h
    }

    /// Writes the interleaved cell centres, row-major: `out.len() == 2 N²`.
    pub fn write_cell_centres(&self, out: &mut [f64]) {
        for (k, c) in out.chunks_exact_mut(2).enumerate() {
            c[0] = Self::centre(self.xmin, self.dx, k % self.n);
            c[1] = Self::centre(self.ymin, self.dy, k / self.n);
        }
    }

    /// Writes the interleaved face centres, all x-faces then all y-faces: `out.len() == 4 N (N + 1)`.
    pub fn write_face_centres(&self, out: &mut [f64]) {
        let (n, per_axis) = (self.n, self.faces_per_axis());
        let (xfaces, yfaces) = out.split_at_mut(2 * per_axis);
        for (k, c) in xfaces.chunks_exact_mut(2).enumerate() {
            c[0] = self.xmin + (k % (n + 1)) as f64 * self.dx;
            c[1] = Self::centre(self.ymin, self.dy, k / (n + 1));
        }
        for (k, c) in yfaces.chunks_exact_mut(2).enumerate() {
            c[0] = Self::centre(self.xmin, self.dx, k % n);
            c[1] = self.ymin + (k / n) as f64 * self.dy;
        }
    }
}
