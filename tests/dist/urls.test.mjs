// dist/ refers to its own files by relative URLs only, and every file it refers to is there:
// it works under any sub-path and fetches nothing from elsewhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../../scripts/csp.mjs';

const DIST = resolve(fileURLToPath(import.meta.url), '..', '..', '..', 'dist');
const files = readdirSync(DIST, { recursive: true }).filter((f) => /\.(html|js|mjs|css)$/.test(f));

/** The URLs that `file` loads: script and style links of pages, imports and URLs of scripts, url() of CSS. */
function loaded(file) {
  const text = readFileSync(join(DIST, file), 'utf8')
    // Comments (usage examples) load nothing.
    .replace(/^\s*(\/\/|\*|\/\*).*$/gm, '')
    // KaTeX's fonts: the woff and ttf fallbacks after woff2 are never fetched and not shipped.
    .replace(/,\s*url\([^)]*\)\s*format\("(woff|truetype)"\)/g, '');
  const patterns = file.endsWith('.html')
    ? [/<script[^>]*\bsrc="([^"]+)"/g, /<link[^>]*\bhref="([^"]+)"/g, /<img[^>]*\bsrc="([^"]+)"/g]
    : file.endsWith('.css')
      ? [/url\(\s*['"]?([^'")]+)['"]?\s*\)/g]
      : [/\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*\(?\s*['"]([^'"]+)['"]/g, /new URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url/g];
  return patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => m[1]));
}

test('every URL a page, script or style sheet loads is relative and names a file of dist/', () => {
  const problems = [];
  let count = 0;
  for (const file of files) {
    for (const url of loaded(file)) {
      count++;
      if (/^([a-z]+:|\/)/i.test(url)) {
        problems.push(`${file}: ${url} is not relative`);
        continue;
      }
      const target = join(dirname(join(DIST, file)), url.split(/[?#]/)[0]);
      if (relative(DIST, target).startsWith('..')) problems.push(`${file}: ${url} leaves dist/`);
      else if (!existsSync(target)) problems.push(`${file}: ${url} -> ${relative(DIST, target)} is missing`);
    }
  }
  assert.deepEqual(problems, []);
  assert.ok(count > 100, `only ${count} URLs found: the scan is broken`);
});

test('the site has its pages, the core and KaTeX, and no development files', () => {
  for (const file of ['index.html', 'lab.html', 'embed.html', 'figures/coupling.html', 'pkg/flowlab_bg.wasm', 'vendor/katex/katex.min.js', 'weights/index.json', 'weights/8gaussians.flow', 'weights/8gaussians.coupling']) {
    assert.ok(existsSync(join(DIST, file)), `dist/${file} is missing`);
  }
  for (const file of ['bench.html', 'js/bench.js', 'js/kit/README.md']) assert.ok(!existsSync(join(DIST, file)), `dist/${file}`);
});

test('every page of dist/ carries the site Content-Security-Policy', () => {
  const pages = files.filter((f) => f.endsWith('.html'));
  assert.ok(pages.length >= 7, `${pages.length} pages`);
  for (const page of pages) {
    const text = readFileSync(join(DIST, page), 'utf8');
    const policies = [...text.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/g)].map((m) => m[1]);
    assert.deepEqual(policies, [CONTENT_SECURITY_POLICY], page);
  }
});
