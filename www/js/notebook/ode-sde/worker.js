// The ODE-as-SDE figure's worker: the only module of the figure that calls the WebAssembly core.
// ode_as_sde draws n points of N(0, I) at t = 0 and carries them along the linear path to the
// 8 Gaussians with the exact marginal velocity: by RK4 on the ODE and by Euler-Maruyama on
// dx = [u + ½ε² ∇log p_t] dt + ε dW for each ε, the score taken from the velocity.
import { loadCore, ode_as_sde } from '../../core.js';
import { serveOps } from '../../kit/worker-loop.js';

const OPS = {
  async init() {
    await loadCore();
    return {};
  },

  /** { times, ode, sdes: [one per ε], exact }: `frames` rows of 2n values each; exact: 5 a time. */
  paths({ n, seed, steps, frames, epsilons }) {
    return ode_as_sde(n, seed, steps, frames, epsilons);
  },
};

serveOps(OPS);
