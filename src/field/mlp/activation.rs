//! Hidden-layer nonlinearities σ, each evaluated together with its derivative σ'.
//!
//! The forward pass keeps σ'(z) so that both the backward pass (dL/dz = dL/dh ⊙ σ'(z)) and the
//! tangent pass (dh = σ'(z) ⊙ dz) reuse it without recomputing an exponential.

use super::real::Real;
use serde::{Deserialize, Serialize};

/// The nonlinearity of the hidden layers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Activation {
    /// SiLU (swish): σ(z) = z s(z) with the logistic s(z) = 1 / (1 + e^-z); σ' = s (1 + z (1 - s)).
    Silu,
    /// σ(z) = tanh z = 1 - 2 / (e^{2z} + 1); σ' = 1 - σ².
    Tanh,
    /// σ(z) = ln(1 + e^z) = max(z, 0) + ln(1 + e^-|z|); σ' = s(z).
    Softplus,
}

impl Activation {
    /// Every activation, in the order of their saved-model codes.
    pub const ALL: [Activation; 3] = [Activation::Silu, Activation::Tanh, Activation::Softplus];

    /// The lower-case name used in settings and in the notebook.
    pub fn name(self) -> &'static str {
        match self {
            Activation::Silu => "silu",
            Activation::Tanh => "tanh",
            Activation::Softplus => "softplus",
        }
    }

    /// Parses a name written by [`Activation::name`].
    pub fn from_name(name: &str) -> Result<Self, String> {
        Self::ALL
            .into_iter()
            .find(|a| a.name() == name)
            .ok_or_else(|| format!("unknown activation {name:?}: expected silu, tanh or softplus"))
    }

    /// The one-byte code of the saved-model format.
    pub fn code(self) -> u8 {
        self as u8
    }

    /// Inverse of [`Activation::code`].
    pub fn from_code(code: u8) -> Result<Self, String> {
        Self::ALL
            .get(code as usize)
            .copied()
            .ok_or_else(|| format!("unknown activation code {code}"))
    }

    /// Replaces each pre-activation z by σ(z) and, when `deriv` is given (same length), writes
    /// σ'(z) into it. Inference passes no `deriv`: σ' then costs nothing.
    ///
    /// On x86-64 builds for a generic CPU, an AVX2 copy of the loops is picked at run time.
    pub fn apply<R: Real>(self, z: &mut [R], deriv: Option<&mut [R]>) {
        #[cfg(target_arch = "x86_64")]
        if !cfg!(target_feature = "avx2") && is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU has just been found to support AVX2.
            return unsafe { self.apply_avx2(z, deriv) };
        }
        self.apply_loops(z, deriv);
    }

    /// [`Activation::apply`] compiled for AVX2.
    ///
    /// # Safety
    /// The CPU must support AVX2.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    unsafe fn apply_avx2<R: Real>(self, z: &mut [R], deriv: Option<&mut [R]>) {
        self.apply_loops(z, deriv);
    }

    #[inline(always)]
    fn apply_loops<R: Real>(self, z: &mut [R], deriv: Option<&mut [R]>) {
        match self {
            Activation::Silu => map(z, deriv, silu),
            Activation::Tanh => map(z, deriv, tanh),
            Activation::Softplus => map(z, deriv, softplus),
        }
    }
}

/// Applies `f` (z ↦ (σ(z), σ'(z))) to every z in place, keeping σ' only when asked: each branch is
/// one plain loop that the compiler vectorises, and the unused σ' of the second is never computed.
#[inline(always)]
fn map<R: Real>(z: &mut [R], deriv: Option<&mut [R]>, f: impl Fn(R) -> (R, R)) {
    match deriv {
        Some(deriv) => {
            for (z, d) in z.iter_mut().zip(deriv.iter_mut()) {
                (*z, *d) = f(*z);
            }
        }
        None => {
            for z in z.iter_mut() {
                *z = f(*z).0;
            }
        }
    }
}

/// SiLU: σ(z) = z s(z), σ'(z) = s (1 + z (1 - s)), s the logistic function.
#[inline(always)]
fn silu<R: Real>(z: R) -> (R, R) {
    let one = R::ONE;
    let s = one / (one + (-z).exp());
    (z * s, s * (one + z * (one - s)))
}

/// tanh z = 1 - 2 / (e^{2z} + 1), tanh' = 1 - tanh².
#[inline(always)]
fn tanh<R: Real>(z: R) -> (R, R) {
    let (one, two) = (R::ONE, R::ONE + R::ONE);
    let h = one - two / ((two * z).exp() + one);
    (h, one - h * h)
}

/// softplus z = max(z, 0) + ln(1 + e^-|z|), softplus' = s(z) (written without overflow).
#[inline(always)]
fn softplus<R: Real>(z: R) -> (R, R) {
    let one = R::ONE;
    let e = (-z.abs()).exp();
    let positive = z > R::ZERO;
    let value = if positive { z } else { R::ZERO } + e.ln_1p();
    let slope = if positive {
        one / (one + e)
    } else {
        e / (one + e)
    };
    (value, slope)
}

/// Backward and tangent rule of σ (both are the chain rule through a diagonal Jacobian): multiplies
/// each row of `g` by σ'(z) of its point, `deriv` holding one row of `width` values per point and `g`
/// holding `copies` consecutive rows per point (1 for dL/dh, 2 for the tangents d/dx1 and d/dx2).
pub(crate) fn chain<R: Real>(deriv: &[R], width: usize, copies: usize, g: &mut [R]) {
    for (d_row, g_rows) in deriv
        .chunks_exact(width)
        .zip(g.chunks_exact_mut(copies * width))
    {
        for g_row in g_rows.chunks_exact_mut(width) {
            for (x, &d) in g_row.iter_mut().zip(d_row) {
                *x = *x * d;
            }
        }
    }
}
