//! The base density of every flow: the standard normal.

/// log N(x; 0, I) = -|x|^2 / 2 - (d / 2) log(2 pi) for a point of any dimension d = `x.len()`.
pub fn standard_normal_log_density(x: &[f64]) -> f64 {
    let sq: f64 = x.iter().map(|v| v * v).sum();
    -0.5 * sq - 0.5 * x.len() as f64 * (std::f64::consts::TAU).ln()
}
