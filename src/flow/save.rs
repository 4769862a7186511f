//! A flow as bytes: the training settings, the target and the network.
//!
//! Layout (integers and floats little-endian):
//! `b"FLFLOW"` | version u16 (= 1) | path: tag u8 (0 linear, 1 VP), three f64
//! (sigma_min, 0, 0 or beta_min, beta_max, t_eps) | coupling u8 (0 independent, 1 OT) |
//! batch u32 | learning rate f64 | seed u64 | steps taken u64 | target name: length u8, UTF-8 |
//! for "points" only: jitter f64, count u32, 2 count f64 | network: length u32, the bytes of
//! [`Mlp::to_bytes`] | FNV-1a 64-bit hash of everything before it, u64.
//! Adam's moments are not saved: training a loaded flow continues with fresh moments.

use super::Flow;
use crate::field::mlp::Mlp;
use crate::pairing::Pairing;
use crate::path::{Linear, Path, Vp};
use crate::target::{Points, Target};
use crate::train::{FlowMatchingTrainer, TrainConfig};

const MAGIC: &[u8; 6] = b"FLFLOW";
/// The only version this code writes and reads.
pub const FORMAT_VERSION: u16 = 1;

/// FNV-1a, 64 bits.
pub(super) fn checksum(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ b as u64).wrapping_mul(0x0100_0000_01b3)
    })
}

impl Flow {
    /// The flow in the format above.
    pub fn to_bytes(&self) -> Vec<u8> {
        let c = self.trainer().config();
        let mut out = MAGIC.to_vec();
        out.extend(FORMAT_VERSION.to_le_bytes());
        let (tag, p) = match c.path {
            Path::Linear(l) => (0, [l.sigma_min(), 0.0, 0.0]),
            Path::Vp(vp) => (1, vp.parameters().into()),
        };
        out.push(tag);
        p.iter().for_each(|x| out.extend(x.to_le_bytes()));
        out.push(match c.coupling {
            Pairing::Independent => 0,
            Pairing::OptimalTransport => 1,
        });
        out.extend((c.batch_size as u32).to_le_bytes());
        out.extend(c.learning_rate.to_le_bytes());
        out.extend(c.seed.to_le_bytes());
        out.extend(self.trainer().steps().to_le_bytes());
        let name = self.target().name();
        out.push(name.len() as u8);
        out.extend(name.as_bytes());
        if let Target::Points(points) = self.target() {
            out.extend(points.jitter().to_le_bytes());
            out.extend(((points.points().len() / 2) as u32).to_le_bytes());
            points
                .points()
                .iter()
                .for_each(|x| out.extend(x.to_le_bytes()));
        }
        let net = self.net().to_bytes();
        out.extend((net.len() as u32).to_le_bytes());
        out.extend(net);
        out.extend(checksum(&out).to_le_bytes());
        out
    }

    /// Loads bytes written by [`Flow::to_bytes`]; any truncation, corruption or invalid setting
    /// is an error.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, String> {
        let body = bytes
            .len()
            .checked_sub(8)
            .filter(|&b| bytes[..b].starts_with(MAGIC))
            .ok_or("not a FlowLab flow: missing header")?;
        if checksum(&bytes[..body]).to_le_bytes() != bytes[body..] {
            return Err("flow data is corrupted (checksum mismatch)".into());
        }
        let mut r = Reader {
            bytes: &bytes[..body],
            at: MAGIC.len(),
        };
        let version = u16::from_le_bytes(r.array()?);
        if version != FORMAT_VERSION {
            return Err(format!("unsupported flow format version {version}"));
        }
        let (tag, p) = (r.array::<1>()?[0], [r.f64()?, r.f64()?, r.f64()?]);
        let path = match tag {
            0 => Path::Linear(Linear::new(p[0])?),
            1 => Path::Vp(Vp::new(p[0], p[1], p[2])?),
            _ => return Err(format!("unknown path code {tag}")),
        };
        let coupling = match r.array::<1>()?[0] {
            0 => Pairing::Independent,
            1 => Pairing::OptimalTransport,
            code => return Err(format!("unknown coupling code {code}")),
        };
        let batch_size = u32::from_le_bytes(r.array()?) as usize;
        let (learning_rate, seed, steps) = (r.f64()?, r.u64()?, r.u64()?);
        let name_len = r.array::<1>()?[0] as usize;
        let name = std::str::from_utf8(r.take(name_len)?).map_err(|e| e.to_string())?;
        let target = if name == "points" {
            let jitter = r.f64()?;
            let count = u32::from_le_bytes(r.array()?) as usize;
            if count > crate::target::points::MAX_POINTS {
                return Err(format!(
                    "the saved point set has {count} points, more than allowed"
                ));
            }
            if count > crate::target::points::MAX_POINTS {
                return Err(format!(
                    "the saved point set has {count} points, more than allowed"
                ));
            }
            let xs = (0..2 * count)
                .map(|_| r.f64())
                .collect::<Result<Vec<_>, _>>()?;
            Target::Points(Points::new(&xs, jitter)?)
        } else {
            Target::from_name(name)?
        };
        let net_len = u32::from_le_bytes(r.array()?) as usize;
        let net = Mlp::<f32>::from_bytes(r.take(net_len)?)?;
        if r.at != r.bytes.len() {
            return Err(format!(
                "{} unexpected bytes after the network",
                r.bytes.len() - r.at
            ));
        }
        let config = TrainConfig {
            network: net.config(),
            path,
            coupling,
            batch_size,
            learning_rate,
            seed,
        };
        let trainer = FlowMatchingTrainer::with_network(config, net, steps)?;
        // A reflow plan and its pool are not saved: a loaded flow trains on the target.
        Ok(Self {
            target,
            trainer,
            reflow: None,
        })
    }
}

/// Reads the body front to back; running past its end is an error.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or("flow data is truncated")?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], String> {
        Ok(self.take(N)?.try_into().expect("take returned N bytes"))
    }

    fn f64(&mut self) -> Result<f64, String> {
        Ok(f64::from_le_bytes(self.array()?))
    }

    fn u64(&mut self) -> Result<u64, String> {
        Ok(u64::from_le_bytes(self.array()?))
    }
}
