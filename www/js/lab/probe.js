// The density views answer the pointer: at the point under it (or under a finger) the read-out
// gives p and log p from both views, read off the film frame on screen, and exactly, from the
// core's log_density for the network of that frame (asked of a worker, one request at a time).
// The same point is marked in every panel.
import { sig } from './readouts.js';

/** p and log p, formatted: { p, log }; null stays null, a failure is 'failed'. */
function formatted(logDensity) {
  if (logDensity === null) return null;
  if (Number.isNaN(logDensity)) return 'failed';
  return { p: sig(Math.exp(logDensity), 3), log: logDensity.toFixed(2).replace('-', '−') };
}

/**
 * Both views' densities at the world point [x, y] in `frame` (films.js frameAt), as the figure
 * paints them: `eulerian` the average of p over the grid cell holding the point (null outside the
 * grid's `box`), `lagrangian` the vertices' p interpolated linearly in the deformed mesh triangle
 * holding the point (barycentric weights, as mesh.js rasterises them; null where no triangle
 * covers it). `triangles` are the mesh's vertex indices, 3 per triangle.
 * @param {{ eulerian: ArrayLike<number>, mesh: ArrayLike<number>, logDensity: ArrayLike<number> }} frame
 * @param {ArrayLike<number>} triangles
 * @param {{ xmin: number, xmax: number, ymin: number, ymax: number }} box
 * @param {[number, number]} point
 */
export function densityAt(frame, triangles, box, [x, y]) {
  const cells = Math.round(Math.sqrt(frame.eulerian.length));
  const i = Math.floor(((x - box.xmin) / (box.xmax - box.xmin)) * cells);
  const j = Math.floor(((y - box.ymin) / (box.ymax - box.ymin)) * cells);
  const inside = i >= 0 && i < cells && j >= 0 && j < cells;
  const result = { eulerian: inside ? frame.eulerian[j * cells + i] : null, lagrangian: null };
  const m = frame.mesh;
  for (let k = 0; k < triangles.length; k += 3) {
    const [a, b, c] = [triangles[k], triangles[k + 1], triangles[k + 2]];
    const [x0, y0, x1, y1, x2, y2] = [m[2 * a], m[2 * a + 1], m[2 * b], m[2 * b + 1], m[2 * c], m[2 * c + 1]];
    const area = (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0);
    if (!(Math.abs(area) > 0)) continue;
    const w0 = ((x1 - x) * (y2 - y) - (x2 - x) * (y1 - y)) / area;
    const w1 = ((x2 - x) * (y0 - y) - (x0 - x) * (y2 - y)) / area;
    const w2 = 1 - w0 - w1;
    if (w0 < -1e-12 || w1 < -1e-12 || w2 < -1e-12) continue;
    const p = (v) => Math.exp(frame.logDensity[v]);
    result.lagrangian = w0 * p(a) + w1 * p(b) + w2 * p(c);
    break;
  }
  return result;
}

/**
 * The read-out of the density panels. `figure` is the density figure (density-figure.js: its
 * canvases, toWorld and mark), `output` the element that shows the numbers, `words()` the lab's
 * words, `frame()` the frame on screen (or null) with `triangles()` of its mesh, and
 * `exact(point, t)` resolves to { logDensity, step } from the core (null when there is no model).
 * update() reads the values again (a new frame, a new t); relabel() writes them in new words.
 * Returns { update, relabel, stop }.
 */
export function createProbe({ figure, output, words, frame, triangles, exact, box }) {
  let point = null; // [x, y] under the pointer, or null
  let known = null; // { key, logDensity, step } the last exact answer
  let asking = false;
  let queued = false;

  const key = (f) => (point && f ? `${point[0]},${point[1]},${f.t},${f.step}` : '');

  const ask = async () => {
    const f = frame();
    if (!f || !point) return;
    if (asking) {
      queued = true;
      return;
    }
    asking = true;
    const asked = key(f);
    try {
      const answer = await exact(point, f.t);
      if (answer && asked === key(frame())) known = { key: asked, ...answer };
    } catch {
      known = { key: asked, logDensity: NaN, step: f.step, failed: true };
    } finally {
      asking = false;
    }
    show();
    if (queued || known?.key !== key(frame())) {
      queued = false;
      if (key(frame()) && known?.key !== key(frame())) ask();
    }
  };

  const show = () => {
    const f = frame();
    const w = words();
    const data = output.dataset;
    for (const k of ['x', 'y', 't', 'lagrangian', 'eulerian', 'exact', 'exactStep', 'step']) delete data[k];
    figure.mark(f ? point : null);
    if (!f || !point) {
      output.textContent = f ? w.probeHint : '';
      return;
    }
    const values = densityAt(f, triangles(), box, point);
    const exactNow = known?.key === key(f) ? known : null;
    Object.assign(data, { x: String(point[0]), y: String(point[1]), t: String(f.t), step: String(f.step) });
    if (values.lagrangian !== null) data.lagrangian = String(values.lagrangian);
    if (values.eulerian !== null) data.eulerian = String(values.eulerian);
    if (exactNow && !exactNow.failed) {
      data.exact = String(exactNow.logDensity);
      data.exactStep = String(exactNow.step);
    }
    output.textContent = w.probe({
      x: point[0].toFixed(2),
      y: point[1].toFixed(2),
      t: f.t.toFixed(2),
      lagrangian: formatted(values.lagrangian === null ? null : Math.log(values.lagrangian)),
      eulerian: formatted(values.eulerian === null ? null : Math.log(values.eulerian)),
      exact: formatted(exactNow ? (exactNow.failed ? NaN : exactNow.logDensity) : null),
      exactStep: exactNow && exactNow.step !== f.step ? exactNow.step : null,
    });
  };

  const update = () => {
    show();
    if (point && frame() && known?.key !== key(frame())) ask();
  };

  const at = (canvas, event) => {
    const p = figure.toWorld(canvas, event.clientX, event.clientY);
    point = p && [Number(p[0].toFixed(3)), Number(p[1].toFixed(3))];
    update();
  };
  const leave = (event) => {
    if (event.pointerType === 'touch') return; // a touch keeps its point until the next
    point = null;
    update();
  };
  const listeners = [];
  for (const canvas of figure.panelCanvases) {
    const move = (event) => at(canvas, event);
    canvas.addEventListener('pointermove', move);
    canvas.addEventListener('pointerdown', move);
    canvas.addEventListener('pointerleave', leave);
    listeners.push(() => {
      canvas.removeEventListener('pointermove', move);
      canvas.removeEventListener('pointerdown', move);
      canvas.removeEventListener('pointerleave', leave);
    });
  }
  return { update, relabel: show, stop: () => listeners.forEach((off) => off()) };
}
