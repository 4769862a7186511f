// A drawn target in the figure's link: the points quantised to 12 bits per coordinate over the
// world box (a step of 9 / 4095 ≈ 0.0022, far below the 0.06 between drawn points), two
// coordinates in 3 bytes, written base64url in the hash as `drawing=...` beside the settings.
// At most MAX_POINTS points fit (4 characters each); a bigger drawing is not put in the link.
import { BOX } from './config.js';

export const MAX_POINTS = 1000;
const LEVELS = 4095;
const KEY = 'drawing';
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

const level = (v, lo, hi) => Math.round(((Math.min(hi, Math.max(lo, v)) - lo) / (hi - lo)) * LEVELS);
const value = (q, lo, hi) => lo + (q / LEVELS) * (hi - lo);

/**
 * The points [x0, y0, x1, y1, ...] as the text of the link (each coordinate clamped to the box
 * and rounded to the nearest of 4096 levels), or null when there are more than MAX_POINTS.
 * @param {ArrayLike<number>} points
 */
export function encodeDrawing(points) {
  const n = points.length / 2;
  if (n > MAX_POINTS) return null;
  let text = '';
  for (let i = 0; i < n; i++) {
    const a = level(points[2 * i], BOX.xmin, BOX.xmax);
    const b = level(points[2 * i + 1], BOX.ymin, BOX.ymax);
    const bits = (a << 12) | b; // 24 bits: 4 characters of 6
    for (const shift of [18, 12, 6, 0]) text += ALPHABET[(bits >> shift) & 63];
  }
  return text;
}

/**
 * The points of a link's text: { points: Float64Array } or { error } saying what was wrong.
 * @param {string} text
 */
export function decodeDrawing(text) {
  if (text.length % 4 !== 0) return { error: `${text.length} characters is not a whole number of points (4 each)` };
  if (text.length / 4 > MAX_POINTS) return { error: `more than ${MAX_POINTS} points` };
  const points = new Float64Array(text.length / 2);
  for (let i = 0; i < text.length / 4; i++) {
    let bits = 0;
    for (let k = 0; k < 4; k++) {
      const d = ALPHABET.indexOf(text[4 * i + k]);
      if (d < 0) return { error: `the character "${text[4 * i + k]}" is not base64url` };
      bits = (bits << 6) | d;
    }
    points[2 * i] = value(bits >> 12, BOX.xmin, BOX.xmax);
    points[2 * i + 1] = value(bits & LEVELS, BOX.ymin, BOX.ymax);
  }
  return { points };
}

/**
 * A URL hash split into the settings' part and the drawing's text: { hash, drawing (or null) }.
 * @param {string} hash
 */
export function splitDrawing(hash) {
  let drawing = null;
  const rest = hash
    .replace(/^#/, '')
    .split('&')
    .filter((part) => {
      if (!part.startsWith(`${KEY}=`)) return true;
      drawing = part.slice(KEY.length + 1);
      return false;
    });
  return { hash: rest.length && rest.some(Boolean) ? `#${rest.join('&')}` : '', drawing };
}

/**
 * The settings' hash with the drawing's text added.
 * @param {string} hash
 * @param {string | null} drawing
 */
export function withDrawing(hash, drawing) {
  if (drawing === null) return hash;
  return `${hash || '#'}${hash ? '&' : ''}${KEY}=${drawing}`;
}
