//! The ODE and SDE samplers against exact samples of the marginals.

use super::super::*;
use super::tight;
use crate::integrate::Method;
use crate::metrics::energy_distance;
use crate::target::gaussians;
use rand::{rngs::StdRng, SeedableRng};

/// Mean energy distance between pairs of independent exact samples of p_t: the Monte Carlo floor.
fn exact_floor(model: &DiffusedMixture, t: f64, n: usize) -> f64 {
    let mut rng = StdRng::seed_from_u64(99);
    let (mut a, mut b) = (vec![0.0; 2 * n], vec![0.0; 2 * n]);
    let reps = 4;
    (0..reps)
        .map(|_| {
            model.sample(t, &mut rng, &mut a);
            model.sample(t, &mut rng, &mut b);
            energy_distance(&a, &b).unwrap()
        })
        .sum::<f64>()
        / reps as f64
}

#[test]
fn ode_and_sde_samplers_reproduce_the_marginals() {
    let mut model = DiffusedMixture::eight_gaussians();
    let n = 2000;
    let times = [0.5, model.t_max()];
    let mut start = vec![0.0; 2 * n];
    model.sample(0.0, &mut StdRng::seed_from_u64(1), &mut start);
    let mut x = start.clone();
    let ode =
        probability_flow(&mut model, &mut x, 0.0, &times, Method::Rk4 { steps: 200 }).unwrap();
    let mut x = start.clone();
    let sde = reverse_sde(&model, &mut x, 0.0, &times, 1000, 7).unwrap();
    let mut exact = vec![0.0; 2 * n];
    for (k, &t) in times.iter().enumerate() {
        model.sample(t, &mut StdRng::seed_from_u64(50 + k as u64), &mut exact);
        let floor = exact_floor(&model, t, n);
        // Power: the marginal earlier by 0.15 is told apart at this sample size.
        let mut earlier = vec![0.0; 2 * n];
        model.sample(t - 0.15, &mut StdRng::seed_from_u64(60), &mut earlier);
        let ed_earlier = energy_distance(&earlier, &exact).unwrap();
        assert!(
            ed_earlier > 4.0 * floor,
            "t {t}: {ed_earlier} vs floor {floor}"
        );
        for (name, traj) in [("ode", &ode), ("sde", &sde)] {
            let row = &traj[k * 2 * n..(k + 1) * 2 * n];
            let ed = energy_distance(row, &exact).unwrap();
            assert!(
                ed < 4.0 * floor,
                "{name} at t {t}: energy distance {ed}, floor {floor}"
            );
            // E|x|² of the marginal: Σ π_k (α² |μ_k|² + 2 (α² v_k + σ²)).
            let s = model.schedule(t);
            let v = s.alpha.powi(2) * gaussians::SIGMA.powi(2) + s.sigma.powi(2);
            let m2 = s.alpha.powi(2) * gaussians::RADIUS.powi(2) + 2.0 * v;
            let got = row.iter().map(|c| c * c).sum::<f64>() / n as f64;
            assert!(
                (got - m2).abs() < 0.05 * m2,
                "{name} at t {t}: E|x|² {got} vs {m2}"
            );
        }
    }
    // The two samplers differ path by path: the SDE's noise moves points between modes.
    let moved = ode
        .iter()
        .zip(&sde)
        .filter(|(a, b)| (*a - *b).abs() > 0.5)
        .count();
    assert!(moved > n / 4, "{moved}");
}

#[test]
fn invalid_inputs_are_errors() {
    let mut model = DiffusedMixture::eight_gaussians();
    let mut x = [0.0, 0.0];
    assert!(reverse_sde(&model, &mut x, 0.0, &[0.5], 0, 1).is_err());
    assert!(reverse_sde(&model, &mut x, 0.6, &[0.5], 10, 1).is_err());
    assert!(probability_flow(&mut model, &mut x, 0.0, &[1.5], tight()).is_err());
    assert!(probability_flow(&mut model, &mut [0.0; 3], 0.0, &[0.5], tight()).is_err());
    assert!(GaussianMixture::new(&[1.0], &[[0.0, 0.0]], &[0.0]).is_err());
    assert!(GaussianMixture::new(&[], &[], &[]).is_err());
}
