// Pure helpers of <flow-coupling>: its fixed training settings, the density grid, the rows of the layer-by-layer picture,
// colour groups that let the reader follow points through the layers, and the training curves.

/** The settings of `new CouplingModel` that the figure's attributes leave fixed. */
export const FIXED = Object.freeze({ width: 32, depth: 2, activation: 'tanh', scale_bound: 3, lr: 5e-3, batch: 128 });

/** n x n grid nodes spread evenly over box (inclusive), row-major from ymin, interleaved x, y. */
export function gridPoints({ xmin, xmax, ymin, ymax }, n) {
  if (!(n >= 2)) throw new Error(`a grid needs at least 2 nodes per side, got ${n}`);
  const out = new Float64Array(2 * n * n);
  for (let row = 0; row < n; row++) {
    const y = ymin + ((ymax - ymin) * row) / (n - 1);
    for (let col = 0; col < n; col++) {
      const i = 2 * (row * n + col);
      out[i] = xmin + ((xmax - xmin) * col) / (n - 1);
      out[i + 1] = y;
    }
  }
  return out;
}

/** The density e^{log p} of every value (non-finite log-densities become NaN: transparent). */
export function densityOf(logDensity) {
  return Float64Array.from(logDensity, (v) => (Number.isFinite(v) ? Math.exp(v) : NaN));
}

/** Row k (0 = the data, rows - 1 = f(x)) of the stacked positions of n points. */
export function stageRow(positions, k, n) {
  const rows = positions.length / (2 * n);
  const row = Math.min(Math.max(Math.round(k), 0), rows - 1);
  return positions.subarray(2 * n * row, 2 * n * (row + 1));
}

/**
 * The sector (0 .. groups - 1) of each point of `xs` by its angle about the origin, so that the
 * reader can follow a group of data points through the layers by its colour.
 */
export function sectorsOf(xs, groups) {
  const sector = new Uint8Array(xs.length / 2);
  for (let i = 0; i < sector.length; i++) {
    const angle = Math.atan2(xs[2 * i + 1], xs[2 * i]) + Math.PI; // [0, 2π]
    sector[i] = Math.min(groups - 1, Math.floor((angle / (2 * Math.PI)) * groups));
  }
  return sector;
}

/** The points of `positions` split by `sector` into `groups` arrays. */
export function splitBySector(positions, sector, groups) {
  const counts = new Array(groups).fill(0);
  for (const s of sector) counts[s]++;
  const parts = counts.map((c) => new Float64Array(2 * c));
  const fill = new Array(groups).fill(0);
  for (let i = 0; i < sector.length; i++) {
    const s = sector[i];
    parts[s][fill[s]++] = positions[2 * i];
    parts[s][fill[s]++] = positions[2 * i + 1];
  }
  return parts;
}

/** Evenly spaced hues for the sectors, lighter on a dark background. */
export function sectorColours(groups, dark = false) {
  const light = dark ? 68 : 45;
  return Array.from({ length: groups }, (_, k) => `hsl(${Math.round((360 * k) / groups)} 70% ${light}%)`);
}

/** Training curves { steps, base, logdet, loglik } with the chunk `c` ({ steps, base, logdet }) appended. */
export function appendCurves(curves, c) {
  const loglik = c.base.map((b, i) => b + c.logdet[i]);
  return {
    steps: curves.steps.concat(c.steps),
    base: curves.base.concat(c.base),
    logdet: curves.logdet.concat(c.logdet),
    loglik: curves.loglik.concat(loglik),
  };
}

export const NO_CURVES = Object.freeze({ steps: [], base: [], logdet: [], loglik: [] });

/** A number of nats for a readout: 3 decimals, a true minus sign, '—' when there is none. */
export function formatNats(value, digits = 3) {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return value.toFixed(digits).replace('-', '−');
}

/**
 * The box `box` grown, symmetrically about its centre, until it holds the fraction `q` of the
 * points of `xs` along each axis (never more than `limit` times its size), so that points between
 * layers, which can leave the data's box, stay in view.
 */
export function coverBox(box, xs, q = 0.99, limit = 3) {
  const cx = (box.xmin + box.xmax) / 2;
  const cy = (box.ymin + box.ymax) / 2;
  const [hx, hy] = [(box.xmax - box.xmin) / 2, (box.ymax - box.ymin) / 2];
  const reach = (offset, half) => {
    const d = [];
    for (let i = offset; i < xs.length; i += 2) if (Number.isFinite(xs[i])) d.push(Math.abs(xs[i] - (offset ? cy : cx)));
    if (d.length === 0) return half;
    d.sort((a, b) => a - b);
    return Math.min(limit * half, Math.max(half, 1.05 * d[Math.min(d.length - 1, Math.floor(q * d.length))]));
  };
  const grow = Math.max(reach(0, hx) / hx, reach(1, hy) / hy);
  return { xmin: cx - grow * hx, xmax: cx + grow * hx, ymin: cy - grow * hy, ymax: cy + grow * hy };
}
