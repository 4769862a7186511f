//! The scalar type of a network: `f32` for training speed, `f64` for finite-difference checks.
//!
//! Only the operations the network needs are listed. `f32::exp` is a branch-free polynomial
//! (range reduction x = n ln2 + r, degree-6 Taylor series of e^r on |r| <= ln2/2, about 1 ulp) so that
//! activation loops vectorise; `f64::exp` is the standard library's, exact to the last bit.

use core::fmt::Debug;
use core::ops::{Add, AddAssign, Div, Mul, Neg, Sub};

/// A floating-point scalar usable as network weights and activations.
pub trait Real:
    Copy
    + Debug
    + PartialOrd
    + Default
    + Send
    + Sync
    + 'static
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + Div<Output = Self>
    + Neg<Output = Self>
    + AddAssign
{
    /// Bytes per value in the saved-model format.
    const BYTES: usize;
    const ZERO: Self;
    const ONE: Self;
    /// Rounds an `f64` to this type.
    fn from_f64(x: f64) -> Self;
    fn to_f64(self) -> f64;
    /// e^x. The `f32` version clamps x to [-87, 88] first (e^x stays finite and normal).
    fn exp(self) -> Self;
    /// ln(1 + x).
    fn ln_1p(self) -> Self;
    fn sqrt(self) -> Self;
    fn abs(self) -> Self;
    fn is_finite(self) -> bool;
    /// `self * a + b` with one rounding (only call where the CPU has FMA: elsewhere it is a slow libm call).
    fn mul_add(self, a: Self, b: Self) -> Self;
    /// Little-endian bytes, `BYTES` of them.
    fn write_le(self, out: &mut Vec<u8>);
    /// Reads `BYTES` little-endian bytes (the caller checks the length).
    fn read_le(bytes: &[u8]) -> Self;
}

/// Polynomial e^x for `f32`, vectorisable: no branches, no libm calls.
fn exp_f32(x: f32) -> f32 {
    const MAGIC: f32 = 12_582_912.0; // 1.5 * 2^23: adding it rounds to an integer in the low mantissa bits.
    const LN2_HI: f32 = 0.693_145_75;
    const LN2_LO: f32 = 1.428_606_8e-6;
    let x = x.clamp(-87.0, 88.0);
    let shifted = x * core::f32::consts::LOG2_E + MAGIC;
    let n = shifted - MAGIC;
    let r = (x - n * LN2_HI) - n * LN2_LO;
    let p = 1.0 / 720.0;
    let p = p * r + 1.0 / 120.0;
    let p = p * r + 1.0 / 24.0;
    let p = p * r + 1.0 / 6.0;
    let p = p * r + 0.5;
    let p = p * r + 1.0;
    let p = p * r + 1.0;
    let k = shifted.to_bits() as i32 - MAGIC.to_bits() as i32;
    p * f32::from_bits(((k + 127) << 23) as u32)
}

macro_rules! impl_real {
    ($t:ty, $exp:expr) => {
        impl Real for $t {
            const BYTES: usize = core::mem::size_of::<$t>();
            const ZERO: Self = 0.0;
            const ONE: Self = 1.0;
            #[inline(always)]
            fn from_f64(x: f64) -> Self {
                x as $t
            }
            #[inline(always)]
            fn to_f64(self) -> f64 {
                self as f64
            }
            #[inline(always)]
            fn exp(self) -> Self {
                $exp(self)
            }
            #[inline(always)]
            fn ln_1p(self) -> Self {
                <$t>::ln_1p(self)
            }
            #[inline(always)]
            fn sqrt(self) -> Self {
                <$t>::sqrt(self)
            }
            #[inline(always)]
            fn abs(self) -> Self {
                <$t>::abs(self)
            }
            #[inline(always)]
            fn is_finite(self) -> bool {
                <$t>::is_finite(self)
            }
            #[inline(always)]
            fn mul_add(self, a: Self, b: Self) -> Self {
                <$t>::mul_add(self, a, b)
            }
            fn write_le(self, out: &mut Vec<u8>) {
                out.extend_from_slice(&self.to_le_bytes());
            }
            fn read_le(bytes: &[u8]) -> Self {
                let mut buf = [0u8; core::mem::size_of::<$t>()];
                buf.copy_from_slice(&bytes[..Self::BYTES]);
                <$t>::from_le_bytes(buf)
            }
        }
    };
}

impl_real!(f32, exp_f32);
impl_real!(f64, f64::exp);
