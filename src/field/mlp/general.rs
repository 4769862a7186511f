//! Row-wise passes for a network of any input and output width ([`super::Io`]): the building block
//! when a network is a part of a larger model (e.g. the conditioner s, t = NN(x_a) of a coupling layer).
//!
//! `forward_rows` maps n input rows to n output rows. `backward_rows` is reverse mode through that
//! same pass: given G = dL/d(output) it writes dL/dθ (the layer rule of [`super::backward`]) and
//! dL/d(input) = g_0 W_0ᵀ, the gradient handed to whatever produced the inputs.

use super::workspace::Workspace;
use super::{Mlp, Real};

impl<R: Real> Mlp<R> {
    /// Number of rows in `values` of `width` values each, or an error.
    fn rows(values: usize, width: usize, what: &str) -> Result<usize, String> {
        if values == 0 || !values.is_multiple_of(width) {
            return Err(format!(
                "{what}: need a positive multiple of {width} values, got {values}"
            ));
        }
        Ok(values / width)
    }

    /// Writes the network's outputs for n rows of `io().inputs` values (`inputs`) into `out`
    /// (n rows of `io().outputs` values), keeping the pass in `ws` for [`Mlp::backward_rows`].
    pub fn forward_rows(
        &self,
        ws: &mut Workspace<R>,
        inputs: &[f64],
        out: &mut [f64],
    ) -> Result<(), String> {
        let io = self.io();
        let n = Self::rows(inputs.len(), io.inputs, "network inputs")?;
        if out.len() != n * io.outputs {
            return Err(format!(
                "{n} rows need {} outputs, got {}",
                n * io.outputs,
                out.len()
            ));
        }
        ws.prepare(self.layout(), n, false);
        ws.load_rows(inputs);
        self.run_forward(ws, true);
        for (o, &v) in out.iter_mut().zip(ws.output()) {
            *o = v.to_f64();
        }
        Ok(())
    }

    /// Reverse mode through the last [`Mlp::forward_rows`] on `ws` (same network, same rows):
    /// given `grad_out` = dL/d(output) (n rows), OVERWRITES `grad` with dL/dθ (one value per
    /// parameter) and `grad_inputs` with dL/d(input) (n rows of `io().inputs`).
    pub fn backward_rows(
        &self,
        ws: &mut Workspace<R>,
        grad_out: &[f64],
        grad: &mut [R],
        grad_inputs: &mut [f64],
    ) -> Result<(), String> {
        let io = self.io();
        let n = ws.n;
        let last = self.layout().layers().len();
        if ws.acts.len() != last + 1 || ws.outputs != io.outputs || n == 0 {
            return Err("backward_rows: run forward_rows of this network first".into());
        }
        if grad_out.len() != n * io.outputs || grad_inputs.len() != n * io.inputs {
            return Err(format!(
                "backward_rows: {n} rows need {} output and {} input gradients, got {} and {}",
                n * io.outputs,
                n * io.inputs,
                grad_out.len(),
                grad_inputs.len()
            ));
        }
        if grad.len() != self.n_params() {
            return Err(format!(
                "gradient buffer has {} values, expected {}",
                grad.len(),
                self.n_params()
            ));
        }
        for (g, &d) in ws.grads[0].iter_mut().zip(grad_out) {
            *g = R::from_f64(d);
        }
        let k = self.run_backward(ws, grad, true);
        for (o, &g) in grad_inputs.iter_mut().zip(&ws.grads[k]) {
            *o = g.to_f64();
        }
        Ok(())
    }
}
