//! Fourth-order finite differences on an arbitrary increasing time grid.
//!
//! f'(t_i) is taken as the derivative at t_i of the quartic through f at five neighbouring
//! times: t_{i-2} ..= t_{i+2} (central) inside, the first or last five at the two ends
//! (one-sided). For smooth f the error is O(h^4), h the largest spacing in the stencil.

/// Points per stencil.
pub const STENCIL: usize = 5;

/// Weights w with p'(s) = Σ_j w_j f(t_j) for the polynomial p interpolating f at the distinct
/// `nodes`: w_j = L_j'(s) = Σ_{k≠j} 1/(t_j - t_k) Π_{m≠j,k} (s - t_m)/(t_j - t_m).
fn derivative_weights(nodes: &[f64], s: f64) -> [f64; STENCIL] {
    let mut w = [0.0; STENCIL];
    for (j, wj) in w.iter_mut().enumerate() {
        for k in (0..STENCIL).filter(|&k| k != j) {
            let product: f64 = (0..STENCIL)
                .filter(|&m| m != j && m != k)
                .map(|m| (s - nodes[m]) / (nodes[j] - nodes[m]))
                .product();
            *wj += product / (nodes[j] - nodes[k]);
        }
    }
    w
}

/// Writes df/dt at every time into `out`. Needs `times.len() >= STENCIL`, strictly increasing
/// times and `values`, `out` of the same length (the caller checks).
pub(super) fn differentiate(times: &[f64], values: &[f64], out: &mut [f64]) {
    let n = times.len();
    for (i, o) in out.iter_mut().enumerate() {
        let start = i.saturating_sub(STENCIL / 2).min(n - STENCIL);
        let range = start..start + STENCIL;
        let w = derivative_weights(&times[range.clone()], times[i]);
        *o = w.iter().zip(&values[range]).map(|(w, f)| w * f).sum();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quartics_are_differentiated_exactly_on_uneven_grids() {
        let times = [0.0, 0.07, 0.2, 0.26, 0.41, 0.5, 0.66, 0.8, 0.93, 1.0];
        let f = |t: f64| 2.0 - 3.0 * t + 0.5 * t.powi(2) + 4.0 * t.powi(3) - 7.0 * t.powi(4);
        let df = |t: f64| -3.0 + t + 12.0 * t.powi(2) - 28.0 * t.powi(3);
        let values: Vec<f64> = times.iter().map(|&t| f(t)).collect();
        let mut out = [0.0; 10];
        differentiate(&times, &values, &mut out);
        for (&t, got) in times.iter().zip(out) {
            assert!((got - df(t)).abs() < 1e-11, "t = {t}: {got} vs {}", df(t));
        }
    }

    #[test]
    fn interior_points_use_the_centred_stencil() {
        // For f = t^5 the centred (f_{-2} - 8 f_{-1} + 8 f_1 - f_2) / 12h misses f' by exactly
        // -4 h^4 (only the (t - t_i)^5 part of f is not differentiated exactly); off-centre
        // stencils miss by other amounts.
        let h = 0.1;
        let times: Vec<f64> = (0..9).map(|k| k as f64 * h).collect();
        let values: Vec<f64> = times.iter().map(|t| t.powi(5)).collect();
        let mut out = [0.0; 9];
        differentiate(&times, &values, &mut out);
        for i in 2..7 {
            let error = out[i] - 5.0 * times[i].powi(4);
            assert!(
                (error + 4.0 * h.powi(4)).abs() < 1e-12,
                "t_{i}: error {error}"
            );
        }
    }

    #[test]
    fn error_falls_like_h_to_the_fourth() {
        let max_error = |n: usize| {
            let times: Vec<f64> = (0..n).map(|k| k as f64 / (n - 1) as f64).collect();
            let values: Vec<f64> = times.iter().map(|t| (3.0 * t).sin()).collect();
            let mut out = vec![0.0; n];
            differentiate(&times, &values, &mut out);
            times
                .iter()
                .zip(out)
                .map(|(t, d)| (d - 3.0 * (3.0 * t).cos()).abs())
                .fold(0.0, f64::max)
        };
        let (coarse, fine) = (max_error(11), max_error(21));
        // Halving h divides an O(h^4) error by about 16.
        assert!(coarse / fine > 12.0, "{coarse} -> {fine}");
    }
}
