// From world coordinates (x right, y up) to canvas pixels (y down), and crisp canvases at any
// devicePixelRatio. Drawing code works in CSS pixels; fitCanvas scales the context for the screen.

/**
 * The map from the world box { xmin, xmax, ymin, ymax } onto the pixel rectangle { x, y, width,
 * height } (CSS pixels), y pointing up. With equalAspect (the default) one world unit has the same
 * length along both axes: the box grows about its centre along the axis with room to spare.
 * Returns { box (the box actually shown), rect, scale: [sx, sy] (pixels per unit), px(x), py(y),
 * toWorld(px, py) -> [x, y] }.
 */
export function createView(box, rect, { equalAspect = true } = {}) {
  let { xmin, xmax, ymin, ymax } = box;
  if (!(xmax > xmin) || !(ymax > ymin) || !(rect.width > 0) || !(rect.height > 0)) {
    throw new Error(
      `cannot map the box [${xmin}, ${xmax}] x [${ymin}, ${ymax}] to ${rect.width} x ${rect.height} pixels`,
    );
  }
  let sx = rect.width / (xmax - xmin);
  let sy = rect.height / (ymax - ymin);
  if (equalAspect) {
    const s = Math.min(sx, sy);
    const [cx, cy] = [(xmin + xmax) / 2, (ymin + ymax) / 2];
    const [hx, hy] = [rect.width / s / 2, rect.height / s / 2];
    [xmin, xmax, ymin, ymax] = [cx - hx, cx + hx, cy - hy, cy + hy];
    sx = sy = s;
  }
  return Object.freeze({
    box: Object.freeze({ xmin, xmax, ymin, ymax }),
    rect: Object.freeze({ ...rect }),
    scale: Object.freeze([sx, sy]),
    px: (x) => rect.x + (x - xmin) * sx,
    py: (y) => rect.y + (ymax - y) * sy,
    toWorld: (px, py) => [xmin + (px - rect.x) / sx, ymax - (py - rect.y) / sy],
  });
}

/**
 * The coordinate (CSS pixels) nearest to `v` at which a line 1 CSS pixel wide has both edges on
 * device-pixel boundaries, so that it is drawn crisp rather than smeared over two pixels.
 */
export function snap(v, dpr = 1) {
  return (Math.round(v * dpr - dpr / 2) + dpr / 2) / dpr;
}

/**
 * Sizes the canvas's backing store to its CSS layout size times `dpr` and scales its 2D context so
 * that drawing happens in CSS pixels. Returns { ctx, width, height, dpr } (width, height in CSS px).
 */
export function fitCanvas(canvas, dpr = globalThis.devicePixelRatio || 1) {
  const { width, height } = canvas.getBoundingClientRect();
  const w = Math.max(1, Math.round(width * dpr));
  const h = Math.max(1, Math.round(height * dpr));
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  const ctx = canvas.getContext('2d');
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  return { ctx, width, height, dpr };
}

/**
 * Calls onResize() after the canvas's CSS size or the devicePixelRatio (zoom, moving the window
 * to another screen) changes, at most once per animation frame. Returns a function that stops it.
 */
export function observeResize(canvas, onResize) {
  let frame = 0;
  const run = () => {
    frame = 0;
    onResize();
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(run);
  };
  const observer = new ResizeObserver(schedule);
  observer.observe(canvas);
  let media = null;
  const watchRatio = () => {
    media?.removeEventListener('change', onRatio);
    media = matchMedia(`(resolution: ${globalThis.devicePixelRatio || 1}dppx)`);
    media.addEventListener('change', onRatio);
  };
  const onRatio = () => {
    watchRatio();
    schedule();
  };
  watchRatio();
  return () => {
    observer.disconnect();
    media.removeEventListener('change', onRatio);
    if (frame) cancelAnimationFrame(frame);
  };
}
