import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { FALLBACK_THEME, font, themeFromStyle } from '../../www/js/kit/theme.js';

const style = (props) => ({ getPropertyValue: (name) => props[name] ?? '' });
const CSS = readFileSync(new URL('../../www/js/kit/theme.css', import.meta.url), 'utf8');

test('themeFromStyle reads and trims the custom properties', () => {
  const theme = themeFromStyle(
    style({ '--bg': ' #000 ', '--fg': '#fff', '--series-2': 'orange', '--figure-font': 'serif' }),
  );
  assert.equal(theme.background, '#000');
  assert.equal(theme.foreground, '#fff');
  assert.deepEqual(theme.series, ['#2f6fde', 'orange', '#00876c', '#a4479c']);
  assert.equal(font(theme, 12), 'normal 12px serif');
  assert.equal(font(theme, 14, 600), '600 14px serif');
});

test('missing properties fall back to the light scheme', () => {
  assert.deepEqual(themeFromStyle(style({})), FALLBACK_THEME);
});

/** The custom properties declared in one block of theme.css. */
function block(css, selector) {
  const start = css.indexOf(selector);
  const body = css.slice(css.indexOf('{', start + selector.length - 1) + 1);
  const declarations = body.slice(0, body.indexOf('}'));
  return Object.fromEntries([...declarations.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]));
}

test('theme.css defines every colour the theme reads, in both schemes, and the fallback matches light', () => {
  const light = block(CSS, ':root {');
  const dark = block(CSS, '@media (prefers-color-scheme: dark) {\n  :root {');
  const names = [
    '--bg',
    '--fg',
    '--muted',
    '--grid',
    '--accent',
    '--series-1',
    '--series-2',
    '--series-3',
    '--series-4',
  ];
  for (const name of names) {
    assert.ok(light[name], `light ${name}`);
    assert.ok(dark[name], `dark ${name}`);
  }
  const fromLight = themeFromStyle(style(light));
  assert.deepEqual({ ...fromLight, fontFamily: FALLBACK_THEME.fontFamily }, FALLBACK_THEME);
});

/** WCAG relative luminance and contrast ratio of '#rrggbb' colours. */
function luminance(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const lin = (c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
const contrast = (a, b) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

test('text and series colours are readable on the background in both schemes', () => {
  for (const scheme of [block(CSS, ':root {'), block(CSS, '@media (prefers-color-scheme: dark) {\n  :root {')]) {
    assert.ok(contrast(scheme['--fg'], scheme['--bg']) >= 7, 'foreground: WCAG AAA');
    assert.ok(contrast(scheme['--muted'], scheme['--bg']) >= 4.5, 'muted text: WCAG AA');
    for (const name of ['--accent', '--series-1', '--series-2', '--series-3', '--series-4']) {
      assert.ok(
        contrast(scheme[name], scheme['--bg']) >= 3,
        `${name} against the background: ${contrast(scheme[name], scheme['--bg'])}`,
      );
    }
    assert.ok(contrast(scheme['--grid'], scheme['--bg']) < 1.6, 'grid lines stay faint');
  }
});
