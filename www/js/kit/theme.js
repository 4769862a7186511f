// The current figure colours, read from the CSS custom properties of theme.css.

const DARK = '(prefers-color-scheme: dark)';

/** The light-scheme values, used for any property the page does not define. */
export const FALLBACK_THEME = Object.freeze({
  background: '#fbfbfd',
  foreground: '#1b1b1f',
  muted: '#5b5e69',
  grid: '#dedfe5',
  accent: '#2f6fde',
  series: Object.freeze(['#2f6fde', '#c55200', '#00876c', '#a4479c']),
  fontFamily: 'system-ui, sans-serif',
});

/**
 * A theme { background, foreground, muted, grid, accent, series: [4 colours], fontFamily } from a
 * style declaration (anything with getPropertyValue, such as getComputedStyle(element)).
 */
export function themeFromStyle(style) {
  const read = (name, fallback) => style.getPropertyValue(name).trim() || fallback;
  const f = FALLBACK_THEME;
  return Object.freeze({
    background: read('--bg', f.background),
    foreground: read('--fg', f.foreground),
    muted: read('--muted', f.muted),
    grid: read('--grid', f.grid),
    accent: read('--accent', f.accent),
    series: Object.freeze(f.series.map((colour, i) => read(`--series-${i + 1}`, colour))),
    fontFamily: read('--figure-font', f.fontFamily),
  });
}

/** The theme of `element` (by default the root element) as the browser computes it now. */
export function readTheme(element = document.documentElement) {
  return themeFromStyle(getComputedStyle(element));
}

/**
 * Calls onChange(theme) now and whenever the colour scheme changes (light <-> dark); returns a
 * function that stops watching.
 */
export function watchTheme(onChange, element = document.documentElement) {
  const media = matchMedia(DARK);
  const update = () => onChange(readTheme(element));
  media.addEventListener('change', update);
  update();
  return () => media.removeEventListener('change', update);
}

/**
 * A canvas font string at `size` CSS pixels in the theme's figure font.
 * @param {any} theme @param {number} size @param {string | number} [weight]
 */
export function font(theme, size, weight = 'normal') {
  return `${weight} ${size}px ${theme.fontFamily}`;
}
