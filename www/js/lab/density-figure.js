// The density two ways at one time t: the Lagrangian mesh coloured by p = exp(log p) at its
// vertices, the Eulerian grid's cell averages of p, both on one colour scale with one colour bar,
// and Eulerian - Lagrangian at the mesh's vertices (where the Lagrangian density is exact), drawn
// on the deformed mesh.
import { COLORMAPS, valueRange } from '../kit/colormap.js';
import { drawColorbar } from '../kit/colorbar.js';
import { createHeatmap } from '../kit/heatmap.js';
import { createView, fitCanvas } from '../kit/view.js';
import { BOX } from './config.js';
import { drawMeshLines, rasterizeMesh } from './mesh.js';

// The panels, each captioned by the word of its key (strings.js).
const PANELS = ['lagrangian', 'eulerian', 'difference'];

function panel(doc, key) {
  const figure = doc.createElement('figure');
  figure.className = `fl-panel fl-${key}`;
  const canvas = doc.createElement('canvas');
  canvas.className = 'fl-canvas';
  canvas.setAttribute('role', 'img');
  const caption = doc.createElement('figcaption');
  const marker = doc.createElement('span'); // the point under the pointer (probe.js)
  marker.className = 'fl-marker';
  marker.hidden = true;
  figure.append(canvas, caption, marker);
  return { figure, canvas, caption, marker };
}

function bar(doc, key) {
  const canvas = doc.createElement('canvas');
  canvas.className = `fl-colorbar fl-colorbar-${key}`;
  return canvas;
}

/**
 * Builds the three panels and two colour bars in `container`, captioned with `words`
 * (strings.js). draw(frame, mesh, theme) paints one frame of the films (films.js frameAt) with
 * the mesh's triangles and n; clear() empties the panels; relabel(words)
 * writes the captions in other words (the colour bars' labels follow at the next draw);
 * toWorld(canvas, clientX, clientY) is the world point under the pointer in one panel, and
 * mark(point | null) marks a world point in every panel.
 * Returns { draw, clear, relabel, toWorld, mark, canvases, panelCanvases }.
 */
export function createDensityFigure(container, words) {
  const doc = container.ownerDocument;
  const panels = Object.fromEntries(PANELS.map((key) => [key, panel(doc, key)]));
  const relabel = (next) => {
    words = next;
    for (const key of PANELS) {
      panels[key].caption.textContent = words[key];
      panels[key].canvas.setAttribute('aria-label', words[key]);
    }
  };
  relabel(words);
  const bars = { density: bar(doc, 'density'), difference: bar(doc, 'difference') };
  container.append(panels.lagrangian.figure, panels.eulerian.figure, bars.density);
  container.append(panels.difference.figure, bars.difference);
  const heatmap = createHeatmap();
  const images = { lagrangian: null, difference: null }; // the mesh panels' pixels
  const box = { ...BOX };

  const draw = (s, mesh, theme) => {
    // Not laid out (hidden): nothing to draw into; a resize draws it again.
    if (Object.values(panels).some(({ canvas }) => !(canvas.clientWidth > 0 && canvas.clientHeight > 0))) return;
    const cells = Math.round(Math.sqrt(s.eulerian.length));
    const values = s.logDensity.map(Math.exp);
    // One scale from 0 to the largest density either view shows (grid cells, mesh vertices).
    const [, pmax] = valueRange([...valueRange(s.eulerian), ...valueRange(values)]);
    const density = { min: 0, max: pmax, colormap: COLORMAPS.viridis };
    const [dmin, dmax] = valueRange(s.difference, { symmetric: true });
    const diff = { min: dmin, max: dmax, colormap: COLORMAPS.rdbu_r };

    /** The deformed mesh coloured by per-vertex `v` on the scale `scale`, into `key`'s panel. */
    const meshPanel = (key, v, scale) => {
      const b = begin(panels[key].canvas);
      const canvas = panels[key].canvas;
      if (images[key]?.width !== canvas.width || images[key]?.height !== canvas.height) {
        images[key] = b.ctx.createImageData(canvas.width, canvas.height);
      }
      const toPixel = (x, y) => [b.view.px(x) * b.dpr, b.view.py(y) * b.dpr];
      rasterizeMesh(images[key], toPixel, { positions: s.mesh, triangles: mesh.triangles, values: v }, scale);
      b.ctx.putImageData(images[key], 0, 0);
      return b;
    };
    const lag = meshPanel('lagrangian', values, density);
    drawMeshLines(lag.ctx, lag.view, s.mesh, mesh.n, 8, 'rgba(255, 255, 255, 0.3)');
    const eul = begin(panels.eulerian.canvas);
    heatmap.draw(eul.ctx, eul.view, s.eulerian, { nx: cells, ny: cells, box, ...density });
    const dif = meshPanel('difference', s.difference, diff);
    for (const b of [lag, eul, dif]) outline(b, theme);

    const { allValues } = words;
    colorbar(bars.density, { ...density, theme, allValues, label: words.densityBar(s.t.toFixed(2)) });
    colorbar(bars.difference, { ...diff, theme, allValues, label: words.differenceBar });
  };

  const clear = () => {
    for (const c of [...Object.values(panels).map((x) => x.canvas), ...Object.values(bars)]) {
      const { ctx, width, height } = fitCanvas(c);
      ctx.clearRect(0, 0, width, height);
    }
  };
  /** The map of a panel from the world to its CSS pixels, as draw() uses it. */
  const viewOf = (canvas) => {
    const { width, height } = canvas.getBoundingClientRect();
    return width > 0 && height > 0 ? createView(BOX, { x: 0, y: 0, width, height }) : null;
  };
  const toWorld = (canvas, clientX, clientY) => {
    const r = canvas.getBoundingClientRect();
    return viewOf(canvas)?.toWorld(clientX - r.left, clientY - r.top) ?? null;
  };
  const mark = (point) => {
    for (const { canvas, marker } of Object.values(panels)) {
      const view = point && viewOf(canvas);
      marker.hidden = !view;
      if (!view) continue;
      marker.style.left = `${canvas.offsetLeft + view.px(point[0])}px`;
      marker.style.top = `${canvas.offsetTop + view.py(point[1])}px`;
    }
  };
  return {
    draw,
    clear,
    relabel,
    toWorld,
    mark,
    panelCanvases: Object.values(panels).map((x) => x.canvas),
    canvases: { ...Object.fromEntries(Object.entries(panels).map(([k, v]) => [k, v.canvas])), ...bars },
  };
}

function begin(canvas) {
  const { ctx, width, height, dpr } = fitCanvas(canvas);
  ctx.clearRect(0, 0, width, height);
  return { ctx, width, height, dpr, view: createView(BOX, { x: 0, y: 0, width, height }) };
}

/** The outline of the grid's box, so that the three panels read alike. */
function outline({ ctx, view }, theme) {
  ctx.save();
  ctx.strokeStyle = theme.grid;
  ctx.lineWidth = 1;
  const [x0, y0] = [view.px(BOX.xmin), view.py(BOX.ymax)];
  ctx.strokeRect(x0 + 0.5, y0 + 0.5, view.px(BOX.xmax) - x0 - 1, view.py(BOX.ymin) - y0 - 1);
  ctx.restore();
}

function colorbar(canvas, options) {
  const { ctx, width, height, dpr } = fitCanvas(canvas);
  ctx.clearRect(0, 0, width, height);
  drawColorbar(ctx, { x: 8, y: 2, width: width - 16, height: height - 4 }, { ...options, dpr });
}
