//! The forward pass: v(x, t) for a batch, layer by layer through the workspace.

use super::workspace::{batch_size, Times, Workspace};
use super::{Mlp, Real};

impl<R: Real> Mlp<R> {
    /// Runs every layer on the inputs loaded in `ws`, keeping each hidden σ(z), and σ'(z) too when
    /// `slopes` (for a backward or tangent pass to follow).
    pub(crate) fn run_forward(&self, ws: &mut Workspace<R>, slopes: bool) {
        let n = ws.n;
        let hidden = self.layout().layers().len() - 1;
        for (l, span) in self.layout().layers().iter().enumerate() {
            let (below, above) = ws.acts.split_at_mut(l + 1);
            let z = &mut above[0][..n * span.fan_out];
            span.forward(self.params(), &below[l], n, z);
            if l < hidden {
                let deriv = slopes.then(|| &mut ws.derivs[l][..n * span.fan_out]);
                self.config().activation.apply(z, deriv);
            }
        }
    }

    /// Writes v(x_i, t_i) of the interleaved points `xs` (2n values) into `out` (2n values).
    pub fn velocity(
        &self,
        ws: &mut Workspace<R>,
        xs: &[f64],
        times: Times<'_>,
        out: &mut [f64],
    ) -> Result<(), String> {
        self.check_velocity()?;
        let n = batch_size(xs, times, out.len(), 2)?;
        ws.prepare(self.layout(), n, false);
        ws.load(xs, times);
        self.run_forward(ws, false);
        for (o, &v) in out.iter_mut().zip(ws.output()) {
            *o = v.to_f64();
        }
        Ok(())
    }
}
