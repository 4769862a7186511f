// The change-of-variables figure's worker: the only module of the figure that calls the core.
import {
  change_of_variables_1d,
  change_of_variables_2d,
  change_of_variables_at,
  loadCore,
  version,
} from '../../core.js';
import { serveOps } from '../../kit/worker-loop.js';

serveOps({
  async init() {
    await loadCore();
    return { version: version() };
  },
  /** { shape, scale, options } -> the 1D panel (see change_of_variables_1d). */
  async line({ shape, scale, options }) {
    await loadCore();
    return change_of_variables_1d(shape, scale, options);
  },
  /** { map, strength, options } -> the 2D panel. */
  async plane({ map, strength, options }) {
    await loadCore();
    return change_of_variables_2d(map, strength, options);
  },
  /** { map, strength, point: [y1, y2] } -> { x, logDet, logDensity } there. */
  async at({ map, strength, point }) {
    await loadCore();
    return change_of_variables_at(map, strength, Float64Array.from(point));
  },
});
