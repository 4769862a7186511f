// Many particles at once: small squares gathered into one path and filled once per frame.

/**
 * Draws each point of `xs` (interleaved world x, y) as a square of `size` CSS pixels centred on it,
 * through `view` (view.js). Points with NaN coordinates or outside the view's rectangle are
 * skipped. Options: { color, size, alpha }. Returns the number of points drawn.
 */
export function drawPoints(ctx, view, xs, { color, size = 2, alpha = 1 }) {
  const { x, y, width, height } = view.rect;
  const half = size / 2;
  let drawn = 0;
  ctx.save();
  ctx.fillStyle = color;
  ctx.globalAlpha = alpha;
  ctx.beginPath();
  for (let i = 0; i < xs.length; i += 2) {
    const px = view.px(xs[i]);
    const py = view.py(xs[i + 1]);
    // Written so that NaN fails every test.
    if (!(px >= x - half && px <= x + width + half && py >= y - half && py <= y + height + half)) continue;
    ctx.rect(px - half, py - half, size, size);
    drawn++;
  }
  ctx.fill();
  ctx.restore();
  return drawn;
}
