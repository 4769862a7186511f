// Arrows of a vector field v(x, t) on a grid of positions ("quiver" plots).

const HEAD_ANGLE = Math.PI / 7;

/**
 * The factor that turns velocities into arrow lengths in world units: the longest arrow becomes
 * `fraction` of the grid `spacing`, so that arrows do not overlap. 0 when every vector is zero or NaN.
 */
export function quiverScale(vectors, spacing, fraction = 0.9) {
  let longest = 0;
  for (let i = 0; i < vectors.length; i += 2) {
    const norm = Math.hypot(vectors[i], vectors[i + 1]);
    if (norm > longest && norm < Infinity) longest = norm;
  }
  return longest > 0 ? (fraction * spacing) / longest : 0;
}

/**
 * Draws an arrow from each position (interleaved world x, y) to position + scale * vector, through
 * `view` (view.js), in one stroke. Options: { spacing (world distance between grid points), scale
 * (default quiverScale(vectors, spacing)), color, lineWidth }. Arrows with a NaN or an infinite
 * component are skipped. Returns the scale used, so that a caption can state it.
 * @param {CanvasRenderingContext2D} ctx @param {any} view @param {ArrayLike<number>} positions
 * @param {ArrayLike<number>} vectors
 * @param {{ spacing: number, scale?: number, color: string, lineWidth?: number }} options
 */
export function drawQuiver(ctx, view, positions, vectors, { spacing, scale, color, lineWidth = 1.25 }) {
  const s = scale ?? quiverScale(vectors, spacing);
  ctx.save();
  ctx.strokeStyle = color;
  ctx.lineWidth = lineWidth;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.beginPath();
  for (let i = 0; i < positions.length; i += 2) {
    const x0 = view.px(positions[i]);
    const y0 = view.py(positions[i + 1]);
    const x1 = view.px(positions[i] + s * vectors[i]);
    const y1 = view.py(positions[i + 1] + s * vectors[i + 1]);
    const length = Math.hypot(x1 - x0, y1 - y0);
    if (!(length < Infinity)) continue;
    ctx.moveTo(x0, y0);
    ctx.lineTo(x1, y1);
    if (length < 2) continue;
    // Two barbs at the tip, proportional to the arrow but never longer than 6 pixels.
    const head = Math.min(6, 0.35 * length);
    const angle = Math.atan2(y1 - y0, x1 - x0);
    for (const side of [-1, 1]) {
      ctx.moveTo(x1, y1);
      ctx.lineTo(x1 - head * Math.cos(angle + side * HEAD_ANGLE), y1 - head * Math.sin(angle + side * HEAD_ANGLE));
    }
  }
  ctx.stroke();
  ctx.restore();
  return s;
}
