//! The conditional optimal-transport path of Lipman et al. (2022):
//! x_t = t x1 + (1 - (1 - sigma_min) t) x0, a straight line from noise to a sigma_min-blur of x1.

use super::Coefficients;

/// The linear ("CondOT") path with its endpoint blur sigma_min in [0, 1).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Linear {
    sigma_min: f64,
}

impl Linear {
    /// Validates sigma_min in [0, 1); sigma_min = 0 is rectified flow's straight interpolation.
    pub fn new(sigma_min: f64) -> Result<Self, String> {
        if !(0.0..1.0).contains(&sigma_min) {
            return Err(format!(
                "linear path: sigma_min must be in [0, 1), got {sigma_min}"
            ));
        }
        Ok(Self { sigma_min })
    }

    /// The blur sigma_min left at t = 1.
    pub fn sigma_min(&self) -> f64 {
        self.sigma_min
    }

    /// a = t, s = 1 - (1 - sigma_min) t, a' = 1, s' = -(1 - sigma_min); t is clamped to [0, 1].
    pub fn coefficients(&self, t: f64) -> Coefficients {
        let t = t.clamp(0.0, 1.0);
        let k = 1.0 - self.sigma_min;
        Coefficients {
            a: t,
            s: 1.0 - k * t,
            da: 1.0,
            ds: -k,
        }
    }
}
