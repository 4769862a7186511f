//! Conditional probability paths of flow matching (Lipman et al. 2022).
//!
//! Given noise x0 ~ N(0, I) and a data point x1, a path is x_t = a(t) x1 + s(t) x0, going from
//! noise at t = 0 to data at t = 1, and its conditional target velocity is
//! u_t = d x_t / dt = a'(t) x1 + s'(t) x0. Flow matching regresses v(x_t, t) on u_t.

pub mod linear;
pub mod marginal;
pub mod posterior;
#[cfg(test)]
mod tests;
pub mod vp;

pub use linear::Linear;
pub use vp::Vp;

/// The coefficients of x_t = a x1 + s x0 at one time, and their time derivatives.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Coefficients {
    pub a: f64,
    pub s: f64,
    pub da: f64,
    pub ds: f64,
}

/// A conditional probability path.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Path {
    Linear(Linear),
    Vp(Vp),
}

impl Path {
    /// Short name: "linear" or "vp".
    pub fn name(&self) -> &'static str {
        match self {
            Path::Linear(_) => "linear",
            Path::Vp(_) => "vp",
        }
    }

    /// Largest time at which the path is evaluated; larger times are clamped to it.
    /// 1 for the linear path, 1 - t_eps for the VP path.
    pub fn t_max(&self) -> f64 {
        match self {
            Path::Linear(_) => 1.0,
            Path::Vp(vp) => vp.t_max(),
        }
    }

    /// a, s, a', s' at time t (clamped to [0, t_max]).
    pub fn coefficients(&self, t: f64) -> Coefficients {
        match self {
            Path::Linear(linear) => linear.coefficients(t),
            Path::Vp(vp) => vp.coefficients(t),
        }
    }

    /// For every point i, writes x_t and u_t at time `t[i]` (clamped to [0, t_max]) from noise
    /// `x0` and data `x1`. Slices are interleaved: `x0, x1, xt, ut` have length 2n, `t` length n.
    pub fn sample_conditional(
        &self,
        x0: &[f64],
        x1: &[f64],
        t: &[f64],
        xt: &mut [f64],
        ut: &mut [f64],
    ) {
        let n = t.len();
        assert!(
            x0.len() == 2 * n && x1.len() == 2 * n && xt.len() == 2 * n && ut.len() == 2 * n,
            "sample_conditional: buffers must hold 2 * t.len() coordinates"
        );
        for (i, &ti) in t.iter().enumerate() {
            let c = self.coefficients(ti);
            for k in 2 * i..2 * i + 2 {
                xt[k] = c.a * x1[k] + c.s * x0[k];
                ut[k] = c.da * x1[k] + c.ds * x0[k];
            }
        }
    }
}
