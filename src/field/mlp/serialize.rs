//! A compact, self-describing, checksummed byte format for trained networks.
//!
//! Layout (all integers little-endian):
//! `b"FLMLP"` | version u16 (= 1) | bytes per weight u8 (4 = f32, 8 = f64) | activation code u8 |
//! depth u16 | width u16 | parameter count u32 | parameters (flat layout, LE floats) |
//! FNV-1a 64-bit hash of everything before it, u64.
//! Loading checks every field, so a truncated, corrupted or mismatched file is an error, never a panic.

use super::activation::Activation;
use super::config::MlpConfig;
use super::layout::Layout;
use super::{Mlp, Real};
use crate::framing::checksum;

const MAGIC: &[u8; 5] = b"FLMLP";
/// The only version this code writes and reads.
pub const FORMAT_VERSION: u16 = 1;
const HEADER: usize = 5 + 2 + 1 + 1 + 2 + 2 + 4;
const CHECKSUM: usize = 8;

/// Reads a little-endian unsigned integer of `N` bytes at `at` (the caller checked the length).
fn le<const N: usize>(bytes: &[u8], at: usize) -> u64 {
    bytes[at..at + N]
        .iter()
        .rev()
        .fold(0, |acc, &b| (acc << 8) | b as u64)
}

impl<R: Real> Mlp<R> {
    /// The network in the saved-model format, weights in this network's precision.
    pub fn to_bytes(&self) -> Vec<u8> {
        let config = self.config();
        let mut out = Vec::with_capacity(HEADER + self.n_params() * R::BYTES + CHECKSUM);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&[R::BYTES as u8, config.activation.code()]);
        out.extend_from_slice(&(config.depth as u16).to_le_bytes());
        out.extend_from_slice(&(config.width as u16).to_le_bytes());
        out.extend_from_slice(&(self.n_params() as u32).to_le_bytes());
        for &p in self.params() {
            p.write_le(&mut out);
        }
        let hash = checksum(&out);
        out.extend_from_slice(&hash.to_le_bytes());
        out
    }

    /// Loads a network saved by [`Mlp::to_bytes`] (in either precision; weights are rounded to `R`).
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, String> {
        if bytes.len() < HEADER + CHECKSUM || &bytes[..5] != MAGIC {
            return Err("not a FlowLab network: missing header".into());
        }
        let version = le::<2>(bytes, 5);
        if version != FORMAT_VERSION as u64 {
            return Err(format!(
                "unsupported network format version {version} (expected {FORMAT_VERSION})"
            ));
        }
        let width_bytes = bytes[7] as usize;
        if width_bytes != 4 && width_bytes != 8 {
            return Err(format!("unsupported weight size of {width_bytes} bytes"));
        }
        let activation = Activation::from_code(bytes[8])?;
        let config = MlpConfig::new(
            le::<2>(bytes, 9) as usize,
            le::<2>(bytes, 11) as usize,
            activation,
        )?;
        let count = le::<4>(bytes, 13) as usize;
        let n_params = Layout::new(&config).n_params();
        if count != n_params {
            return Err(format!(
                "the header lists {count} weights, a network of this shape has {n_params}"
            ));
        }
        let expected = HEADER + n_params * width_bytes + CHECKSUM;
        if bytes.len() != expected {
            return Err(format!(
                "{count} weights need {expected} bytes, the data has {}",
                bytes.len()
            ));
        }
        let body = bytes.len() - CHECKSUM;
        if checksum(&bytes[..body]) != le::<8>(bytes, body) {
            return Err("network data is corrupted (checksum mismatch)".into());
        }
        let weights = bytes[HEADER..body].chunks_exact(width_bytes);
        let params = if width_bytes == 4 {
            weights
                .map(|w| R::from_f64(f32::read_le(w) as f64))
                .collect()
        } else {
            weights.map(|w| R::from_f64(f64::read_le(w))).collect()
        };
        Self::from_params(config, params)
    }
}
