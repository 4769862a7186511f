// A triangle mesh filled by a colormap: the Lagrangian view's deformed grid coloured by density.
// Triangles are gathered by colour level so that a frame costs one fill per level, not per triangle.

const LEVELS = 96;

/**
 * Fills each triangle (`triangles`: 3 vertex indices each) of the mesh at `positions` (2 per
 * vertex, world coordinates) with the colour of the mean of its vertices' `values`, mapped
 * linearly from [min, max] (clamped) through `colormap`; triangles with a non-finite vertex are
 * skipped. Each level is also stroked thinly in its own colour so that no seams show between
 * neighbours. Then, with `lines` > 0, every lines-th row and column of the n x n vertex grid is
 * drawn in `lineColor`, to show how the mesh is deformed.
 */
export function drawMesh(ctx, view, { positions, triangles, values, n }, options) {
  const { min, max, colormap, lines = 0, lineColor } = options;
  const paths = Array.from({ length: LEVELS }, () => new Path2D());
  const scale = max > min ? (LEVELS - 1) / (max - min) : 0;
  const px = (v) => view.px(positions[2 * v]);
  const py = (v) => view.py(positions[2 * v + 1]);
  for (let k = 0; k < triangles.length; k += 3) {
    const [a, b, c] = [triangles[k], triangles[k + 1], triangles[k + 2]];
    const value = (values[a] + values[b] + values[c]) / 3;
    const [xa, ya, xb, yb, xc, yc] = [px(a), py(a), px(b), py(b), px(c), py(c)];
    if (!Number.isFinite(value + xa + ya + xb + yb + xc + yc)) continue;
    const level = Math.min(LEVELS - 1, Math.max(0, Math.round((value - min) * scale)));
    const path = paths[level];
    path.moveTo(xa, ya);
    path.lineTo(xb, yb);
    path.lineTo(xc, yc);
    path.closePath();
  }
  ctx.save();
  ctx.lineWidth = 0.75;
  ctx.lineJoin = 'round';
  paths.forEach((path, level) => {
    ctx.fillStyle = ctx.strokeStyle = colormap.css(level / (LEVELS - 1));
    ctx.stroke(path);
    ctx.fill(path);
  });
  if (lines > 0) drawGridLines(ctx, positions, n, lines, px, py, lineColor);
  ctx.restore();
}

function drawGridLines(ctx, positions, n, every, px, py, color) {
  ctx.strokeStyle = color;
  ctx.lineWidth = 0.5;
  ctx.beginPath();
  for (let line = 0; line < n; line += every) {
    for (const vertex of [(i) => line * n + i, (i) => i * n + line]) {
      ctx.moveTo(px(vertex(0)), py(vertex(0)));
      for (let i = 1; i < n; i++) ctx.lineTo(px(vertex(i)), py(vertex(i)));
    }
  }
  ctx.stroke();
}
