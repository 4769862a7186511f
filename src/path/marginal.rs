//! The exact marginal velocity of a path when the data are a Gaussian mixture.
//!
//! Flow matching's target is the marginal field u_t(x) = E[a' x1 + s' x0 | x_t = x] (Lipman et
//! al. 2022, Theorem 1), the average of the conditional velocities of all the lines through x.
//! For data q = Σ_k π_k N(μ_k, v_k I) and x_t = a x1 + s x0 it has a closed form: given the
//! component k, (x1, x0, x_t) are jointly Gaussian with x_t ~ N(a μ_k, V_k I), V_k = a² v_k + s²,
//!
//!   E[x1 | x_t = x, k] = μ_k + (a v_k / V_k)(x - a μ_k),   E[x0 | x_t = x, k] = (s / V_k)(x - a μ_k),
//!   u_t(x) = Σ_k r_k(x) [a' μ_k + ((a' a v_k + s' s) / V_k)(x - a μ_k)],
//!
//! with responsibilities r_k(x) ∝ π_k N(x; a μ_k, V_k I) (log-sum-exp, so far from every mean
//! nothing under- or overflows). Valid wherever V_k > 0, i.e. at every t of our paths (v_k > 0).

use super::Path;
use crate::sde::GaussianMixture;

/// u_t(x), the marginal velocity of `path` at time t (clamped as the path clamps it) for the
/// mixture `data`.
pub fn mixture_velocity(path: &Path, data: &GaussianMixture, t: f64, x: [f64; 2]) -> [f64; 2] {
    let c = path.coefficients(t);
    let components = data
        .weights()
        .iter()
        .zip(data.means())
        .zip(data.variances());
    let mut terms = Vec::with_capacity(data.weights().len());
    for ((&weight, mean), &v) in components {
        let big_v = c.a * c.a * v + c.s * c.s;
        let d = [x[0] - c.a * mean[0], x[1] - c.a * mean[1]];
        let log_r = weight.ln() - big_v.ln() - (d[0] * d[0] + d[1] * d[1]) / (2.0 * big_v);
        let gain = (c.da * c.a * v + c.ds * c.s) / big_v;
        terms.push((
            log_r,
            [c.da * mean[0] + gain * d[0], c.da * mean[1] + gain * d[1]],
        ));
    }
    let max = terms
        .iter()
        .map(|(log_r, _)| *log_r)
        .fold(f64::NEG_INFINITY, f64::max);
    let (mut total, mut u) = (0.0, [0.0; 2]);
    for (log_r, velocity) in terms {
        let r = (log_r - max).exp();
        total += r;
        u[0] += r * velocity[0];
        u[1] += r * velocity[1];
    }
    [u[0] / total, u[1] / total]
}

/// u_t and log p_t at each of the interleaved `points`, where p_t = Σ_k π_k N(a μ_k, V_k I) is
/// the density of x_t = a x1 + s x0 (the mixture pushed along the path, exact). Writes into
/// `velocity` (2n values) and `log_density` (n values); panics if their lengths do not match.
pub fn mixture_marginal(
    path: &Path,
    data: &GaussianMixture,
    t: f64,
    points: &[f64],
    velocity: &mut [f64],
    log_density: &mut [f64],
) {
    assert!(
        velocity.len() == points.len() && 2 * log_density.len() == points.len(),
        "mixture_marginal: velocity needs one pair and log_density one value per point"
    );
    let c = path.coefficients(t);
    for (i, x) in points.chunks_exact(2).enumerate() {
        let x = [x[0], x[1]];
        velocity[2 * i..2 * i + 2].copy_from_slice(&mixture_velocity(path, data, t, x));
        log_density[i] = data.local(c.a, c.s, x).log_density;
    }
}
