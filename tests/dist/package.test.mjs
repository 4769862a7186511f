// The npm package (dist/): its manifest, and `npm pack --dry-run` listing exactly what an author
// needs: the element scripts and everything they load (found by following their imports and the
// URLs they build), the core with its types, the lab page their links open, README and LICENSE;
// nothing of the article (its page, KaTeX, the figure pages) and no development files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIST = resolve(fileURLToPath(import.meta.url), '..', '..', '..', 'dist');
const ELEMENTS = [
  'js/flow-lab.js',
  'js/notebook/change-of-variables/element.js',
  'js/notebook/coupling/element.js',
  'js/notebook/residual/element.js',
  'js/notebook/diffusion/element.js',
  'js/notebook/hutchinson/element.js',
  'js/notebook/steps/element.js',
  'js/notebook/marginal/element.js',
  'js/notebook/ode-sde/element.js',
];

const manifest = JSON.parse(readFileSync(join(DIST, 'package.json'), 'utf8'));
const packed = () => {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: DIST, encoding: 'utf8' });
  return JSON.parse(out)[0].files.map((f) => f.path).sort();
};

/** The files a module at `file` (relative to dist/) loads: imports, and URLs relative to it. */
function references(file) {
  const source = readFileSync(join(DIST, file), 'utf8').replace(/^\s*(\/\/|\*).*$/gm, '');
  const found = new Set();
  const patterns = [/\bfrom\s*'([^']+)'/g, /\bimport\s*'([^']+)'/g, /'(\.{1,2}\/[^']+\.(?:js|css|wasm|html))'/g];
  for (const pattern of patterns) {
    for (const [, spec] of source.matchAll(pattern)) {
      if (spec.startsWith('.')) found.add(normalize(join(dirname(file), spec)));
    }
  }
  return found;
}

/** Every file reachable from `roots` through references(). */
function reachable(roots) {
  const seen = new Set();
  const queue = [...roots];
  while (queue.length) {
    const file = queue.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    if (file.endsWith('.js')) queue.push(...references(file));
  }
  return seen;
}

test('the manifest names the package, its license, entry points and types', () => {
  assert.equal(manifest.name, 'flowlab');
  assert.match(manifest.version, /^\d+\.\d+\.\d+$/);
  assert.equal(manifest.license, 'MIT');
  assert.equal(manifest.type, 'module');
  assert.equal(manifest.exports['.'], './js/flow-lab.js');
  assert.deepEqual(manifest.exports['./core'], { types: './pkg/flowlab.d.ts', default: './pkg/flowlab.js' });
  const targets = Object.values(manifest.exports).flatMap((v) => (typeof v === 'string' ? [v] : Object.values(v)));
  for (const target of targets) assert.ok(existsSync(join(DIST, target)), `exports names a missing ${target}`);
  assert.match(readFileSync(join(DIST, 'pkg/flowlab.d.ts'), 'utf8'), /export class FlowModel/);
});

test('npm pack holds what the elements load and the core, and nothing of the article', () => {
  const files = packed();
  // The elements and the lab page their links open (its language switch: js/page.js).
  const labScripts = [...readFileSync(join(DIST, 'lab.html'), 'utf8').matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
  const needed = reachable([...ELEMENTS, ...labScripts]);
  assert.ok(labScripts.includes('js/page.js'), `lab.html loads ${labScripts}`);
  for (const file of needed) assert.ok(files.includes(file), `the package lacks ${file}, which an element loads`);
  for (const file of ['package.json', 'README.md', 'LICENSE', 'pkg/flowlab.d.ts', 'pkg/flowlab_bg.wasm.d.ts', 'lab.html']) {
    assert.ok(files.includes(file), `the package lacks ${file}`);
  }
  // The trained weights the lab and <flow-coupling> open with (js/kit/shipped.js fetches
  // weights/index.json and its files).
  const index = JSON.parse(readFileSync(join(DIST, 'weights/index.json'), 'utf8'));
  assert.ok(index.couplings.length > 0, 'index.json lists no coupling flow');
  for (const file of ['weights/index.json', ...[...index.models, ...index.couplings].map((m) => `weights/${m.file}`)]) {
    assert.ok(files.includes(file), `the package lacks ${file}, which a figure loads`);
  }
  // Every script in the package is one an element or the lab page loads: nothing left over.
  const extra = files.filter((f) => f.endsWith('.js') && !needed.has(f));
  assert.deepEqual(extra, [], 'scripts in the package that no element loads');
  const article = files.filter((f) => /^(index\.html|embed\.html|article\.css|vendor\/|figures\/|js\/article\/)|README\.md$/.test(f) && f !== 'README.md');
  assert.deepEqual(article, [], 'files of the article or development in the package');
  assert.ok(needed.has('pkg/flowlab_bg.wasm') && needed.has('pkg/flowlab.js'), 'the elements do not reach the core');
});

test('the package README shows the CDN and self-hosting snippets for this version', () => {
  const readme = readFileSync(join(DIST, 'README.md'), 'utf8');
  assert.ok(readme.includes(`https://cdn.jsdelivr.net/npm/flowlab@${manifest.version}/js/flow-lab.js`));
  assert.match(readme, /Self-hosted/);
  assert.match(readme, /wasm-unsafe-eval/);
});
