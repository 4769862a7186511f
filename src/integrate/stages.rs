//! Stage buffers of an explicit Runge-Kutta step, allocated once and reused.

use super::tableau::Tableau;
use super::Ode;

/// Stage derivatives k_1..k_s and the stage state, each of the state's length.
#[derive(Default)]
pub(crate) struct Stages {
    pub k: Vec<Vec<f64>>,
    /// After [`Stages::evaluate`], the argument of the last stage.
    pub tmp: Vec<f64>,
}

impl Stages {
    /// Makes room for `stages` derivatives of length `n`; allocates only when the shape changes.
    pub fn prepare(&mut self, stages: usize, n: usize) {
        if self.k.len() != stages || self.tmp.len() != n {
            self.k = vec![vec![0.0; n]; stages];
            self.tmp = vec![0.0; n];
        }
    }

    /// Fills k_2..k_s for a step of size h from (t, y); k_1 = f(t, y) must already be in `k[0]`.
    pub fn evaluate<O: Ode + ?Sized>(
        &mut self,
        tab: &Tableau,
        ode: &mut O,
        t: f64,
        h: f64,
        y: &[f64],
    ) {
        for (i, row) in tab.a.iter().enumerate() {
            self.tmp.copy_from_slice(y);
            for (&a, k) in row.iter().zip(&self.k) {
                if a != 0.0 {
                    axpy(h * a, k, &mut self.tmp);
                }
            }
            ode.derivative(t + tab.c[i + 1] * h, &self.tmp, &mut self.k[i + 1]);
        }
    }

    /// y <- y + h sum_i b_i k_i.
    pub fn advance(&self, tab: &Tableau, h: f64, y: &mut [f64]) {
        for (&b, k) in tab.b.iter().zip(&self.k) {
            if b != 0.0 {
                axpy(h * b, k, y);
            }
        }
    }
}

/// out <- out + a x, a plain loop over contiguous slices.
pub(crate) fn axpy(a: f64, x: &[f64], out: &mut [f64]) {
    for (o, &xi) in out.iter_mut().zip(x) {
        *o += a * xi;
    }
}
