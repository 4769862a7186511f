//! Fixed-step explicit Runge-Kutta integration over one interval.

use super::stages::Stages;
use super::tableau::Tableau;
use super::{Ode, Stats};

/// Takes `steps` equal steps from t0 to t1 (either direction), updating `y` in place.
pub(crate) fn integrate_fixed<O: Ode + ?Sized>(
    tab: &Tableau,
    stages: &mut Stages,
    ode: &mut O,
    (t0, t1): (f64, f64),
    steps: usize,
    y: &mut [f64],
    stats: &mut Stats,
) {
    let h = (t1 - t0) / steps as f64;
    for i in 0..steps {
        // t_i from the index, so rounding does not accumulate.
        let t = t0 + i as f64 * h;
        ode.derivative(t, y, &mut stages.k[0]);
        stages.evaluate(tab, ode, t, h, y);
        stages.advance(tab, h, y);
    }
    stats.evaluations += steps * tab.stages();
    stats.accepted += steps;
}
