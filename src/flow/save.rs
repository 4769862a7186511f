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
use crate::framing;
use crate::pairing::Pairing;
use crate::path::{Linear, Path, Vp};
use crate::target::{Points, Target};
use crate::train::{FlowMatchingTrainer, TrainConfig};

const MAGIC: &[u8; 6] = b"FLFLOW";
/// The only version this code writes and reads.
pub const FORMAT_VERSION: u16 = 1;

impl Flow {
    /// The flow in the format above.
    pub fn to_bytes(&self) -> Vec<u8> {
        let c = self.trainer().config();
        let mut out = framing::header(MAGIC, FORMAT_VERSION);
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
        framing::write_name(&mut out, self.target().name());
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
        framing::seal(out)
    }

    /// Loads bytes written by [`Flow::to_bytes`]; any truncation, corruption or invalid setting
    /// is an error.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, String> {
        let mut r = framing::open(bytes, MAGIC, FORMAT_VERSION, "flow")?;
        let (tag, p) = (r.u8()?, [r.f64()?, r.f64()?, r.f64()?]);
        let path = match tag {
            0 => Path::Linear(Linear::new(p[0])?),
            1 => Path::Vp(Vp::new(p[0], p[1], p[2])?),
            _ => return Err(format!("unknown path code {tag}")),
        };
        let coupling = match r.u8()? {
            0 => Pairing::Independent,
            1 => Pairing::OptimalTransport,
            code => return Err(format!("unknown coupling code {code}")),
        };
        let batch_size = r.u32()? as usize;
        let (learning_rate, seed, steps) = (r.f64()?, r.u64()?, r.u64()?);
        let name = r.name()?;
        let target = if name == "points" {
            let jitter = r.f64()?;
            let count = r.u32()? as usize;
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
        let net_len = r.u32()? as usize;
        let net = Mlp::<f32>::from_bytes(r.take(net_len)?)?;
        r.finish("network")?;
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
