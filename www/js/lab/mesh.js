// A triangle mesh coloured by a value at its vertices: the Lagrangian view's deformed grid
// coloured by density. The triangles are rasterised here, pixel by pixel, with the value
// interpolated linearly inside each triangle (barycentric weights): a few milliseconds for
// thousands of triangles, and no seams between neighbours as filled canvas paths would leave.

/**
 * Fills `image` ({ width, height, data: RGBA bytes }) with the mesh: vertex k at pixel
 * toPixel(positions[2k], positions[2k + 1]) -> [x, y] (fractional pixels), triangles as 3 vertex
 * indices each, `values` one per vertex mapped linearly from [min, max] (clamped) through the
 * colormap's lookup table. Pixels outside every triangle become transparent; triangles with a
 * non-finite vertex are skipped.
 */
export function rasterizeMesh(image, toPixel, { positions, triangles, values }, { min, max, colormap }) {
  const { width, height, data } = image;
  data.fill(0);
  const count = positions.length / 2;
  const xs = new Float64Array(count);
  const ys = new Float64Array(count);
  for (let k = 0; k < count; k++) [xs[k], ys[k]] = toPixel(positions[2 * k], positions[2 * k + 1]);
  const scale = max > min ? 255 / (max - min) : 0;
  const lut = colormap.lut;
  for (let t = 0; t < triangles.length; t += 3) {
    const [a, b, c] = [triangles[t], triangles[t + 1], triangles[t + 2]];
    const [x0, y0, x1, y1, x2, y2] = [xs[a], ys[a], xs[b], ys[b], xs[c], ys[c]];
    const [v0, v1, v2] = [values[a], values[b], values[c]];
    const area = (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0);
    if (!Number.isFinite(area + v0 + v1 + v2) || area === 0) continue;
    const left = Math.max(0, Math.floor(Math.min(x0, x1, x2)));
    const right = Math.min(width - 1, Math.ceil(Math.max(x0, x1, x2)));
    const top = Math.max(0, Math.floor(Math.min(y0, y1, y2)));
    const bottom = Math.min(height - 1, Math.ceil(Math.max(y0, y1, y2)));
    for (let y = top; y <= bottom; y++) {
      const cy = y + 0.5;
      for (let x = left; x <= right; x++) {
        const cx = x + 0.5;
        // Barycentric weights of the pixel centre; all >= 0 inside (either orientation).
        const w0 = ((x1 - cx) * (y2 - cy) - (x2 - cx) * (y1 - cy)) / area;
        const w1 = ((x2 - cx) * (y0 - cy) - (x0 - cx) * (y2 - cy)) / area;
        const w2 = 1 - w0 - w1;
        if (w0 < -1e-9 || w1 < -1e-9 || w2 < -1e-9) continue;
        const level = Math.round((w0 * v0 + w1 * v1 + w2 * v2 - min) * scale);
        const i = 3 * Math.min(255, Math.max(0, level));
        const p = 4 * (y * width + x);
        data[p] = lut[i];
        data[p + 1] = lut[i + 1];
        data[p + 2] = lut[i + 2];
        data[p + 3] = 255;
      }
    }
  }
}

/**
 * Strokes every `every`-th row and column of an n x n vertex grid (vertex j * n + i), through
 * `view`, to show how the mesh is deformed.
 */
export function drawMeshLines(ctx, view, positions, n, every, color) {
  const px = (v) => view.px(positions[2 * v]);
  const py = (v) => view.py(positions[2 * v + 1]);
  ctx.save();
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
  ctx.restore();
}
