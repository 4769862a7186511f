//! The finite-volume rate of change of the cell averages,
//!
//! dp_ij/dt = -(F_{i+1,j} - F_{i,j}) / dx - (G_{i,j+1} - G_{i,j}) / dy,
//!
//! with upwind fluxes F = u⁺ p_left + u⁻ p_right through each x-face (G likewise through each
//! y-face), where u = v·n at the face centre, u± its positive and negative parts, and p_left,
//! p_right the reconstructed face values of the cells on either side. Outside the box the density is zero:
//! a boundary face carries mass only outwards, so nothing ever flows in.

use super::{buffer::zeroed, faces::FaceVelocities, geometry::Geometry, reconstruct::Slopes};

/// The upwind flux through a face with normal velocity w, from the face values of the cells
/// on its low side (`lo`) and high side (`hi`).
#[inline]
fn upwind(w: f64, lo: f64, hi: f64) -> f64 {
    w.max(0.0) * lo + w.min(0.0) * hi
}

/// Element-wise upwind fluxes through a run of interior faces between cells `lo` and `hi`, each
/// given as (cell values, slopes towards the face): right slopes of `lo`, left slopes of `hi`.
fn interior_fluxes(w: &[f64], lo: (&[f64], &[f64]), hi: (&[f64], &[f64]), out: &mut [f64]) {
    let states = lo.0.iter().zip(lo.1).zip(hi.0.iter().zip(hi.1));
    for ((f, &w), ((&pl, &sl), (&ph, &sh))) in out.iter_mut().zip(w).zip(states) {
        *f = upwind(w, pl + 0.5 * sl, ph - 0.5 * sh);
    }
}

/// Scratch space for the slopes and fluxes, allocated once.
pub(super) struct Fluxes {
    slope_x: Slopes,
    slope_y: Slopes,
    flux_x: Vec<f64>,
    flux_y: Vec<f64>,
}

impl Fluxes {
    pub fn new(geo: &Geometry) -> Result<Self, String> {
        Ok(Self {
            slope_x: Slopes::new(geo.cells(), "x-slopes")?,
            slope_y: Slopes::new(geo.cells(), "y-slopes")?,
            flux_x: zeroed(geo.faces_per_axis(), "x-fluxes")?,
            flux_y: zeroed(geo.faces_per_axis(), "y-fluxes")?,
        })
    }

    /// Writes dp/dt for the density `p` into `out` and returns the rate at which mass leaves
    /// the box, Σ (outward flux × face length) over the boundary faces.
    pub fn rate(&mut self, geo: &Geometry, p: &[f64], w: &FaceVelocities, out: &mut [f64]) -> f64 {
        self.fill_x_fluxes(geo.n, p, &w.u);
        self.fill_y_fluxes(geo.n, p, &w.v);
        self.write_divergence(geo, out);
        self.boundary_outflow(geo)
    }

    /// Fluxes through the x-faces, one row of cells at a time.
    fn fill_x_fluxes(&mut self, n: usize, p: &[f64], u: &[f64]) {
        self.slope_x.along(p, n);
        let (r, l) = (&self.slope_x.right, &self.slope_x.left);
        let rows = p.chunks_exact(n).zip(u.chunks_exact(n + 1));
        let slopes = r.chunks_exact(n).zip(l.chunks_exact(n));
        for (((q, u), (r, l)), f) in rows.zip(slopes).zip(self.flux_x.chunks_exact_mut(n + 1)) {
            f[0] = upwind(u[0], 0.0, q[0] - 0.5 * l[0]);
            f[n] = upwind(u[n], q[n - 1] + 0.5 * r[n - 1], 0.0);
            interior_fluxes(&u[1..n], (q, r), (&q[1..], &l[1..]), &mut f[1..n]);
        }
    }

    /// Fluxes through the y-faces, one row of faces at a time: face row j lies between cell
    /// rows j - 1 and j; rows 0 and N are the bottom and top edges of the box.
    fn fill_y_fluxes(&mut self, n: usize, p: &[f64], v: &[f64]) {
        self.slope_y.across(p, n);
        let (r, l, f) = (&self.slope_y.right, &self.slope_y.left, &mut self.flux_y);
        let (bottom, top) = (0..n, n * (n - 1)..n * n);
        let faces = f[..n].iter_mut().zip(&v[..n]);
        for ((f, &v), (&q, &s)) in faces.zip(p[bottom.clone()].iter().zip(&l[bottom])) {
            *f = upwind(v, 0.0, q - 0.5 * s);
        }
        let faces = f[n * n..].iter_mut().zip(&v[n * n..]);
        for ((f, &v), (&q, &s)) in faces.zip(p[top.clone()].iter().zip(&r[top])) {
            *f = upwind(v, q + 0.5 * s, 0.0);
        }
        for j in 1..n {
            let (lo, hi) = ((j - 1) * n..j * n, j * n..(j + 1) * n);
            let (below, above) = ((&p[lo.clone()], &r[lo]), (&p[hi.clone()], &l[hi.clone()]));
            interior_fluxes(&v[hi.clone()], below, above, &mut f[hi]);
        }
    }

    /// dp/dt = -(flux differences across each cell) / (cell width).
    fn write_divergence(&self, geo: &Geometry, out: &mut [f64]) {
        let (n, inv_dx, inv_dy) = (geo.n, 1.0 / geo.dx, 1.0 / geo.dy);
        let fx = self.flux_x.chunks_exact(n + 1);
        let fy = self
            .flux_y
            .chunks_exact(n)
            .zip(self.flux_y[n..].chunks_exact(n));
        for ((rate, fx), (below, above)) in out.chunks_exact_mut(n).zip(fx).zip(fy) {
            let x_faces = fx[..n].iter().zip(&fx[1..]);
            let y_faces = below.iter().zip(above);
            for (r, ((&w, &e), (&s, &nn))) in rate.iter_mut().zip(x_faces.zip(y_faces)) {
                *r = -((e - w) * inv_dx + (nn - s) * inv_dy);
            }
        }
    }

    /// Σ outward flux × face length over the four edges of the box.
    fn boundary_outflow(&self, geo: &Geometry) -> f64 {
        let n = geo.n;
        let sides: f64 = self.flux_x.chunks_exact(n + 1).map(|f| f[n] - f[0]).sum();
        let (bottom, top) = (&self.flux_y[..n], &self.flux_y[n * n..]);
        let ends: f64 = top.iter().zip(bottom).map(|(t, b)| t - b).sum();
        sides * geo.dy + ends * geo.dx
    }
}
