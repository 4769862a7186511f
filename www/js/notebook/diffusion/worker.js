// The diffusion figure's worker: the only module of the figure that calls the WebAssembly core.
// sde_vs_ode draws n points of p_0 ≈ N(0, I) (flow time t = 0, pure noise) and carries them to
// t_max = 1 - 1e-5 (the data, 8 Gaussians) twice: by Euler-Maruyama on the reverse-time SDE and by
// RK4 on the probability-flow ODE, with the exact score of the diffused mixture.
import { loadCore, sde_vs_ode } from '../../core.js';
import { serveOps } from '../../kit/worker-loop.js';

const OPS = {
  async init() {
    await loadCore();
    return {};
  },

  /** { ode, sde, times }: `frames` rows of 2n values, one per time. */
  paths({ n, seed, steps, frames }) {
    return sde_vs_ode(n, seed, steps, frames);
  },
};

serveOps(OPS);
