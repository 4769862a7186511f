// Trails behind moving particles: the last few positions, drawn as polylines that fade with age.

/**
 * A ring buffer of the last `length` snapshots of particle positions (interleaved x, y). Methods:
 *   push(xs)   records a snapshot (a different number of particles starts afresh);
 *   clear()    forgets every snapshot (after a jump in time, say);
 *   size       how many snapshots are held;
 *   at(age, i) the [x, y] of particle i `age` snapshots ago (0 = the newest);
 *   draw(ctx, view, { color, lineWidth, alpha }) strokes segment k (between snapshots k and k - 1)
 *              with opacity alpha * (size - k) / (size - 1): newest opaque, oldest faint.
 */
export function createTrails(length) {
  if (!(Number.isInteger(length) && length >= 2)) {
    throw new Error(`a trail needs a length of at least 2, not ${length}`);
  }
  let history = new Float64Array(0);
  let stride = 0;
  let head = 0;
  let size = 0;
  const offset = (age) => ((head - 1 - age + length) % length) * stride;

  const push = (xs) => {
    if (xs.length !== stride) {
      stride = xs.length;
      history = new Float64Array(length * stride);
      size = 0;
    }
    history.set(xs, head * stride);
    head = (head + 1) % length;
    size = Math.min(size + 1, length);
  };
  const clear = () => {
    size = 0;
  };
  const at = (age, i) => {
    const o = offset(age) + 2 * i;
    return [history[o], history[o + 1]];
  };
  const draw = (ctx, view, { color, lineWidth = 1, alpha = 0.6 }) => {
    ctx.save();
    ctx.strokeStyle = color;
    ctx.lineWidth = lineWidth;
    for (let age = size - 1; age >= 1; age--) {
      const [from, to] = [offset(age), offset(age - 1)];
      ctx.globalAlpha = (alpha * (size - age)) / (size - 1);
      ctx.beginPath();
      for (let j = 0; j < stride; j += 2) {
        const [x0, y0, x1, y1] = [history[from + j], history[from + j + 1], history[to + j], history[to + j + 1]];
        if (!Number.isFinite(x0 + y0 + x1 + y1)) continue;
        ctx.moveTo(view.px(x0), view.py(y0));
        ctx.lineTo(view.px(x1), view.py(y1));
      }
      ctx.stroke();
    }
    ctx.restore();
  };
  return {
    push,
    clear,
    at,
    draw,
    get size() {
      return size;
    },
  };
}
