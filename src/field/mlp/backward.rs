//! The backward pass: the flow-matching loss and its exact gradient in every parameter (reverse mode).
//!
//! With g_L = dL/dv from the loss, each layer l, from the last to the first, contributes
//! dL/dW_l = a_lᵀ g_l and dL/db_l = Σ_rows g_l, then hands g_{l-1} = (g_l W_lᵀ) ⊙ σ'(z_{l-1}) down.

use super::activation::chain;
use super::loss::{mse, mse_backward};
use super::workspace::{batch_size, Times, Workspace};
use super::{Mlp, Real};

impl<R: Real> Mlp<R> {
    /// The flow-matching loss L = (1 / 2n) Σ_i ||v(x_i, t_i) - u_i||² (mean over points and both
    /// components, like PyTorch's `F.mse_loss`) of n points `xt` (2n values), times `t` (n) and targets `u` (2n).
    pub fn loss(
        &self,
        ws: &mut Workspace<R>,
        xt: &[f64],
        t: &[f64],
        u: &[f64],
    ) -> Result<f64, String> {
        self.check_velocity()?;
        let n = batch_size(xt, Times::Each(t), u.len(), 2)?;
        ws.prepare(self.layout(), n, false);
        ws.load(xt, Times::Each(t));
        self.run_forward(ws, true);
        Ok(mse(ws.output(), u))
    }

    /// The loss of [`Mlp::loss`], returned, and its gradient dL/dθ, written into `grad` (one value per
    /// parameter, in the same flat layout). Allocates nothing once `ws` has seen a batch this large.
    pub fn loss_and_gradient(
        &self,
        ws: &mut Workspace<R>,
        xt: &[f64],
        t: &[f64],
        u: &[f64],
        grad: &mut [R],
    ) -> Result<f64, String> {
        if grad.len() != self.n_params() {
            return Err(format!(
                "gradient buffer has {} values, expected {}",
                grad.len(),
                self.n_params()
            ));
        }
        let loss = self.loss(ws, xt, t, u)?;
        let n = ws.n;
        let last = &ws.acts[self.layout().layers().len()];
        mse_backward(&last[..2 * n], u, &mut ws.grads[0][..2 * n]);
        self.run_backward(ws, grad, false);
        Ok(loss)
    }

    /// Reverse mode through the last forward pass in `ws`, starting from dL/d(output) in `ws.grads[0]`:
    /// writes dL/dθ into `grad` and, when `to_input`, dL/d(input) into the returned buffer of `ws.grads`.
    pub(crate) fn run_backward(
        &self,
        ws: &mut Workspace<R>,
        grad: &mut [R],
        to_input: bool,
    ) -> usize {
        let n = ws.n;
        let Workspace {
            acts,
            derivs,
            grads,
            weights_t,
            ..
        } = ws;
        let [g, g_below] = grads;
        let (mut g, mut g_below) = (g.as_mut_slice(), g_below.as_mut_slice());
        let mut current = 0;
        for (l, span) in self.layout().layers().iter().enumerate().rev() {
            span.backward_params(&acts[l], g, n, grad);
            if l > 0 || to_input {
                span.backward_input(self.params(), g, n, g_below, weights_t);
                if l > 0 {
                    chain(&derivs[l - 1][..n * span.fan_in], span.fan_in, 1, g_below);
                }
                std::mem::swap(&mut g, &mut g_below);
                current = 1 - current;
            }
        }
        current
    }
}
