//! Adam (Kingma & Ba 2015, Algorithm 1) with bias correction, as in PyTorch's `torch.optim.Adam`.
//!
//! After step t with gradient g:
//! m ← β1 m + (1 - β1) g,  v ← β2 v + (1 - β2) g²,
//! θ ← θ - lr · (m / (1 - β1^t)) / (√(v / (1 - β2^t)) + ε).
//! The first step is therefore θ ← θ - lr · g / (|g| + ε) ≈ θ - lr · sign(g).

use crate::field::mlp::Real;

/// Adam's hyperparameters; `AdamConfig::default()` is lr 1e-3, β1 0.9, β2 0.999, ε 1e-8.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AdamConfig {
    pub lr: f64,
    pub beta1: f64,
    pub beta2: f64,
    pub eps: f64,
}

impl Default for AdamConfig {
    fn default() -> Self {
        Self {
            lr: 1e-3,
            beta1: 0.9,
            beta2: 0.999,
            eps: 1e-8,
        }
    }
}

impl AdamConfig {
    /// Checks 0 < lr (finite), 0 <= β1, β2 < 1 and 0 < ε (finite).
    pub fn validate(&self) -> Result<(), String> {
        if !(self.lr.is_finite() && self.lr > 0.0) {
            return Err(format!(
                "learning rate must be positive and finite, got {}",
                self.lr
            ));
        }
        for (name, beta) in [("beta1", self.beta1), ("beta2", self.beta2)] {
            if !(0.0..1.0).contains(&beta) {
                return Err(format!("{name} must lie in [0, 1), got {beta}"));
            }
        }
        if !(self.eps.is_finite() && self.eps > 0.0) {
            return Err(format!(
                "epsilon must be positive and finite, got {}",
                self.eps
            ));
        }
        Ok(())
    }
}

/// Adam's state for a parameter vector of fixed length: first and second moment estimates.
#[derive(Clone, Debug)]
pub struct Adam<R> {
    config: AdamConfig,
    m: Vec<R>,
    v: Vec<R>,
    t: u64,
}

impl<R: Real> Adam<R> {
    /// Adam with default betas and ε for `n_params` parameters and learning rate `lr`.
    pub fn new(n_params: usize, lr: f64) -> Result<Self, String> {
        Self::with_config(
            n_params,
            AdamConfig {
                lr,
                ..AdamConfig::default()
            },
        )
    }

    pub fn with_config(n_params: usize, config: AdamConfig) -> Result<Self, String> {
        config.validate()?;
        Ok(Self {
            config,
            m: vec![R::ZERO; n_params],
            v: vec![R::ZERO; n_params],
            t: 0,
        })
    }

    pub fn config(&self) -> AdamConfig {
        self.config
    }

    /// Changes the learning rate (e.g. for a schedule), keeping the moments.
    pub fn set_learning_rate(&mut self, lr: f64) -> Result<(), String> {
        let config = AdamConfig { lr, ..self.config };
        config.validate()?;
        self.config = config;
        Ok(())
    }

    /// Steps taken so far.
    pub fn steps(&self) -> u64 {
        self.t
    }

    /// Forgets the moments and the step count (e.g. after restoring earlier weights).
    pub fn reset(&mut self) {
        self.m.fill(R::ZERO);
        self.v.fill(R::ZERO);
        self.t = 0;
    }

    /// One update of `params` against the gradient `grad` (both of the length given at construction).
    pub fn step(&mut self, params: &mut [R], grad: &[R]) -> Result<(), String> {
        if params.len() != self.m.len() || grad.len() != self.m.len() {
            return Err(format!(
                "Adam was built for {} parameters, got {} parameters and {} gradients",
                self.m.len(),
                params.len(),
                grad.len()
            ));
        }
        self.t += 1;
        let AdamConfig {
            lr,
            beta1,
            beta2,
            eps,
        } = self.config;
        let exponent = i32::try_from(self.t).unwrap_or(i32::MAX);
        let c1 = R::from_f64(1.0 / (1.0 - beta1.powi(exponent)));
        let c2 = R::from_f64(1.0 / (1.0 - beta2.powi(exponent)));
        let (b1, b2) = (R::from_f64(beta1), R::from_f64(beta2));
        let (a1, a2) = (R::from_f64(1.0 - beta1), R::from_f64(1.0 - beta2));
        let (lr, eps) = (R::from_f64(lr), R::from_f64(eps));
        for (((p, &g), m), v) in params
            .iter_mut()
            .zip(grad)
            .zip(&mut self.m)
            .zip(&mut self.v)
        {
            *m = b1 * *m + a1 * g;
            *v = b2 * *v + a2 * g * g;
            *p = *p - lr * (*m * c1) / ((*v * c2).sqrt() + eps);
        }
        Ok(())
    }
}
