//! A coupling flow as bytes: the settings it was made with, its steps and every conditioner's
//! weights, in the framing all saved models share ([`crate::framing`]).
//!
//! Body (little-endian): steps u64 | target name (length u8, UTF-8) | layers u32 | width u32 |
//! depth u32 | activation name | scale bound f64 | lr f64 | batch u32 | seed u64 |
//! per layer (first applied first): weight count u32, the weights as f64.
//! Loading rebuilds the flow from the settings ([`CouplingSettings::trainer`], which checks them)
//! and puts the weights in, so a loaded flow computes bit for bit what the saved one did. Adam's
//! moments and the minibatch stream are not saved: training a loaded flow goes on with fresh
//! moments and the minibatches of the settings' seed.

use super::settings::CouplingSettings;
use super::MaximumLikelihoodTrainer;
use crate::framing::{self, write_name};

const MAGIC: &[u8; 6] = b"FLCPLG";
/// The only version this code writes and reads.
pub const FORMAT_VERSION: u16 = 1;

/// The flow of `trainer`, made by `settings.trainer()`, in the format above.
pub fn to_bytes(settings: &CouplingSettings, trainer: &MaximumLikelihoodTrainer) -> Vec<u8> {
    let mut out = framing::header(MAGIC, FORMAT_VERSION);
    out.extend(trainer.steps().to_le_bytes());
    write_name(&mut out, &settings.target);
    for n in [settings.layers, settings.width, settings.depth] {
        out.extend((n as u32).to_le_bytes());
    }
    write_name(&mut out, &settings.activation);
    out.extend(settings.scale_bound.to_le_bytes());
    out.extend(settings.lr.to_le_bytes());
    out.extend((settings.batch as u32).to_le_bytes());
    out.extend(settings.seed.to_le_bytes());
    for net in trainer.flow().nets() {
        out.extend((net.n_params() as u32).to_le_bytes());
        net.params()
            .iter()
            .for_each(|w| out.extend(w.to_le_bytes()));
    }
    framing::seal(out)
}

/// Loads bytes written by [`to_bytes`]: the settings and the trained flow. Any truncation,
/// corruption, invalid setting or weight that does not fit them is an error.
pub fn from_bytes(bytes: &[u8]) -> Result<(CouplingSettings, MaximumLikelihoodTrainer), String> {
    let mut r = framing::open(bytes, MAGIC, FORMAT_VERSION, "coupling flow")?;
    let steps = r.u64()?;
    let target = r.name()?.to_owned();
    let (layers, width, depth) = (r.u32()?, r.u32()?, r.u32()?);
    let settings = CouplingSettings {
        target,
        layers: layers as usize,
        width: width as usize,
        depth: depth as usize,
        activation: r.name()?.to_owned(),
        scale_bound: r.f64()?,
        lr: r.f64()?,
        batch: r.u32()? as usize,
        seed: r.u64()?,
    };
    let mut trainer = settings.trainer()?;
    for (k, net) in trainer.flow_mut().nets_mut().iter_mut().enumerate() {
        let count = r.u32()? as usize;
        if count != net.n_params() {
            return Err(format!(
                "layer {k} has {count} saved weights, its conditioner needs {}",
                net.n_params()
            ));
        }
        for w in net.params_mut() {
            *w = r.f64()?;
            if !w.is_finite() {
                return Err(format!("layer {k} has a weight that is not finite"));
            }
        }
    }
    r.finish("weights")?;
    trainer.set_steps(steps);
    Ok((settings, trainer))
}
