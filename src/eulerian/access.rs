//! What a caller reads from an [`EulerianGrid`].

use super::{agreement, Agreement, EulerianGrid, GridConfig};

impl EulerianGrid {
    /// The settings the grid was built with.
    pub fn config(&self) -> &GridConfig {
        &self.config
    }

    /// The current time.
    pub fn t(&self) -> f64 {
        self.t
    }

    /// Time steps taken since construction or the last reset().
    pub fn steps(&self) -> usize {
        self.steps
    }

    /// The cell averages of the density, row-major: cell (i, j) (column i along x, row j along y)
    /// at index j N + i.
    pub fn density(&self) -> &[f64] {
        &self.density
    }

    /// The interleaved cell centres [x, y, ...] in the order of [`Self::density`].
    pub fn cell_centres(&self) -> &[f64] {
        &self.centres
    }

    /// dx dy, the area of one cell.
    pub fn cell_area(&self) -> f64 {
        self.geo.dx * self.geo.dy
    }

    /// The mass in the box, Σ p dx dy.
    pub fn mass(&self) -> f64 {
        self.density.iter().sum::<f64>() * self.cell_area()
    }

    /// The mass in the box at t = 0: the N(0, I) probability of the box.
    pub fn initial_mass(&self) -> f64 {
        self.initial_mass
    }

    /// The mass that has left the box through its edges since t = 0. No mass enters: the density
    /// outside the box is taken to be zero, so inflow is identically zero.
    pub fn outflow(&self) -> f64 {
        self.outflow
    }

    /// How far the grid is from the `exact` density at the cell centres (see [`agreement`]).
    pub fn compare_with(&self, exact: &[f64], threshold: f64) -> Result<Agreement, String> {
        agreement::compare(exact, &self.density, self.cell_area(), threshold)
    }
}
