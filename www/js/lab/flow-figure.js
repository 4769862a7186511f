// The flow figure: particles carried from N(0, I) to the data, drawn at time t by interpolating
// between integrated frames, their trajectories, the arrows of v_t and the target samples behind.
import { createView, fitCanvas } from '../kit/view.js';
import { drawPoints } from '../kit/particles.js';
import { drawQuiver } from '../kit/quiver.js';
import { font } from '../kit/theme.js';
import { BOX } from './config.js';

/**
 * The particles at time t from `frames` ({ times: [t1..tK] ascending, positions: K x 2n }) and
 * their positions at t = 0 (`base`), linear in t between frames; written into `out`. Returns the
 * index k of the last frame at or before t (0 = base).
 */
export function particlesAt(base, frames, t, out) {
  const { times, positions } = frames;
  const n2 = base.length;
  let k = 0;
  while (k < times.length && times[k] <= t) k++;
  const [t0, p0] = k === 0 ? [0, base] : [times[k - 1], positions.subarray((k - 1) * n2, k * n2)];
  if (k === times.length) {
    out.set(p0);
    return k;
  }
  const p1 = positions.subarray(k * n2, (k + 1) * n2);
  const f = (t - t0) / (times[k] - t0);
  for (let i = 0; i < n2; i++) out[i] = p0[i] + f * (p1[i] - p0[i]);
  return k;
}

/** The path of particle i from t = 0 through the frames up to `k`, ending at `now` ([x, y]). */
function tracePath(ctx, view, base, frames, i, k, now) {
  const n2 = base.length;
  ctx.moveTo(view.px(base[2 * i]), view.py(base[2 * i + 1]));
  for (let j = 0; j < k; j++) {
    ctx.lineTo(view.px(frames.positions[j * n2 + 2 * i]), view.py(frames.positions[j * n2 + 2 * i + 1]));
  }
  ctx.lineTo(view.px(now[0]), view.py(now[1]));
}

/**
 * A figure on `canvas`. draw(state) paints { theme, t, base, frames, target, arrows: { points,
 * velocity, spacing } | null, trails, selected, hovered (the particle under the pointer, or -1), drawn } ; pick(clientX, clientY, state) gives the
 * particle nearest to a pointer (within 12 pixels) or -1; toWorld(clientX, clientY) -> [x, y].
 */
export function createFlowFigure(canvas) {
  let view = null;
  let now = new Float64Array(0);

  const draw = (state) => {
    const { ctx, width, height } = fitCanvas(canvas);
    if (!(width > 0 && height > 0)) return; // not laid out (hidden): drawn again on its next resize
    view = createView(BOX, { x: 0, y: 0, width, height });
    const { theme, t, base, frames, target } = state;
    ctx.clearRect(0, 0, width, height);
    if (target) drawPoints(ctx, view, target, { color: theme.muted, size: 2, alpha: 0.35 });
    if (state.drawn?.length) drawPoints(ctx, view, state.drawn, { color: theme.series[3], size: 4 });
    let k = 0;
    if (base && frames) {
      if (now.length !== base.length) now = new Float64Array(base.length);
      k = particlesAt(base, frames, t, now);
      if (state.trails) {
        ctx.save();
        ctx.strokeStyle = theme.accent;
        ctx.globalAlpha = 0.22;
        ctx.lineWidth = 1;
        ctx.beginPath();
        const count = Math.min(state.trails, base.length / 2);
        for (let i = 0; i < count; i++) tracePath(ctx, view, base, frames, i, k, [now[2 * i], now[2 * i + 1]]);
        ctx.stroke();
        ctx.restore();
      }
    }
    if (state.arrows) {
      const { points, velocity, spacing } = state.arrows;
      ctx.save();
      ctx.globalAlpha = 0.6;
      drawQuiver(ctx, view, points, velocity, { spacing, color: theme.series[1], lineWidth: 1 });
      ctx.restore();
    }
    if (base && frames) {
      drawPoints(ctx, view, now, { color: theme.accent, size: 3, alpha: 0.9 });
      if (state.hovered >= 0 && state.hovered !== state.selected) {
        drawTrajectory(ctx, state, state.hovered, { color: theme.foreground, width: 1.5 });
      }
      if (state.selected >= 0) drawTrajectory(ctx, state, state.selected, { color: theme.series[2], width: 2 });
    }
    ctx.font = font(theme, 13);
    ctx.fillStyle = theme.foreground;
    ctx.textBaseline = 'top';
    ctx.fillText(`t = ${t.toFixed(2)}`, 8, 8);
  };

  /** The whole trajectory of particle i (selected, or under the pointer), and where it is now. */
  const drawTrajectory = (ctx, { base, frames }, i, { color, width }) => {
    const last = (frames.times.length - 1) * base.length + 2 * i;
    ctx.save();
    ctx.strokeStyle = ctx.fillStyle = color;
    ctx.lineWidth = width;
    ctx.beginPath();
    tracePath(ctx, view, base, frames, i, frames.times.length, [frames.positions[last], frames.positions[last + 1]]);
    ctx.stroke();
    ctx.beginPath();
    ctx.arc(view.px(now[2 * i]), view.py(now[2 * i + 1]), 5, 0, 2 * Math.PI);
    ctx.fill();
    ctx.restore();
  };

  const local = (clientX, clientY) => {
    const r = canvas.getBoundingClientRect();
    return [clientX - r.left, clientY - r.top];
  };

  const pick = (clientX, clientY) => {
    if (!view || now.length === 0) return -1;
    const [x, y] = local(clientX, clientY);
    let best = -1;
    let bestDistance = 12;
    for (let i = 0; i < now.length / 2; i++) {
      const d = Math.hypot(view.px(now[2 * i]) - x, view.py(now[2 * i + 1]) - y);
      if (d < bestDistance) [best, bestDistance] = [i, d];
    }
    return best;
  };

  const toWorld = (clientX, clientY) => (view ? view.toWorld(...local(clientX, clientY)) : null);
  return { draw, pick, toWorld };
}
