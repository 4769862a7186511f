// Writes dist/: the site as plain static files (the article, the lab, the figure pages, the
// embedding guide), with the wasm core, KaTeX and its fonts inside and relative URLs only, so it
// works from any static server and under any sub-path. dist/ is also the npm package (its
// package.json lists what an author needs; `npm pack dist` makes the tarball).
//   node scripts/dist.mjs            (after scripts/build.sh has written pkg/)
// The URL space is the development server's (scripts/serve.mjs): www/ at the root, pkg/ at pkg/,
// KaTeX at vendor/katex/.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTENT_SECURITY_POLICY } from './csp.mjs';

const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..');
const DIST = join(ROOT, 'dist');
const WWW = join(ROOT, 'www');
const PKG = join(ROOT, 'pkg');
const KATEX = join(ROOT, 'node_modules', 'katex', 'dist');

/** Development-only files of www/: the in-browser benchmark and the folders' READMEs. */
const skipWww = (file) => {
  const rel = relative(WWW, file).split(sep).join('/');
  return rel === 'bench.html' || rel === 'js/bench.js' || basename(rel) === 'README.md';
};

// Of wasm-pack's output, the module, the wasm and their type declarations.
const CORE_FILES = ['flowlab.js', 'flowlab.d.ts', 'flowlab_bg.wasm', 'flowlab_bg.wasm.d.ts'];

// Of KaTeX, what the article loads: the style sheet, the minified script and auto-render, the fonts in
// woff2 (the first format katex.min.css names; every browser that runs module scripts reads it,
// so the woff and ttf copies are never fetched).
const KATEX_FILES = ['katex.min.css', 'katex.min.js', 'contrib/auto-render.min.js'];

/** The npm package's manifest: what an author needs to embed the figures, nothing of the article. */
function manifest() {
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  return {
    name: 'flowlab',
    version,
    description: 'Live figures on normalizing flows and flow matching: custom elements over a Rust core compiled to WebAssembly',
    license: 'MIT',
    type: 'module',
    keywords: ['normalizing-flows', 'flow-matching', 'webassembly', 'custom-elements', 'visualization'],
    exports: {
      '.': './js/flow-lab.js',
      './flow-lab.js': './js/flow-lab.js',
      './change-of-variables.js': './js/notebook/change-of-variables/element.js',
      './coupling.js': './js/notebook/coupling/element.js',
      './residual.js': './js/notebook/residual/element.js',
      './diffusion.js': './js/notebook/diffusion/element.js',
      './hutchinson.js': './js/notebook/hutchinson/element.js',
      './steps.js': './js/notebook/steps/element.js',
      './marginal.js': './js/notebook/marginal/element.js',
      './ode-sde.js': './js/notebook/ode-sde/element.js',
      './core': { types: './pkg/flowlab.d.ts', default: './pkg/flowlab.js' },
      './core.wasm': './pkg/flowlab_bg.wasm',
      './package.json': './package.json',
    },
    types: './pkg/flowlab.d.ts',
    files: ['js/', '!js/article/', 'pkg/', 'weights/', 'lab.html', 'style.css', 'topbar.css', 'favicon.svg'],
    sideEffects: ['./js/flow-lab.js', './js/notebook/*/element.js'],
  };
}

/**
 * Puts the site's Content-Security-Policy (scripts/csp.mjs) into each page of dist/ as a <meta>,
 * so the site runs under it on any static host, header or not. (A <meta> policy cannot hold
 * frame-ancestors or report-uri; ours has neither.)
 */
function addPolicy(dir) {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`;
  for (const file of readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.html'))) {
    const path = join(dir, file);
    const page = readFileSync(path, 'utf8');
    if (!page.includes('<meta charset="utf-8">')) throw new Error(`${file} has no <meta charset="utf-8"> to put the policy after`);
    writeFileSync(path, page.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n  ${meta}`));
  }
}

/** Runs wasm-opt (npm's binaryen) on the core: optimised for speed, debug names stripped. */
function optimiseWasm(file) {
  const wasmOpt = join(ROOT, 'node_modules', '.bin', 'wasm-opt');
  if (!existsSync(wasmOpt)) throw new Error('node_modules/.bin/wasm-opt is missing: run npm ci (binaryen)');
  execFileSync(wasmOpt, ['-O3', '--strip-debug', '--strip-producers', file, '-o', file], { stdio: 'inherit' });
}

function main() {
  for (const file of CORE_FILES) {
    if (!existsSync(join(PKG, file))) throw new Error(`pkg/${file} is missing: run scripts/build.sh first`);
  }
  rmSync(DIST, { recursive: true, force: true });
  cpSync(WWW, DIST, { recursive: true, filter: (file) => !skipWww(file) });
  addPolicy(DIST);
  mkdirSync(join(DIST, 'pkg'));
  for (const file of CORE_FILES) cpSync(join(PKG, file), join(DIST, 'pkg', file));
  optimiseWasm(join(DIST, 'pkg', 'flowlab_bg.wasm'));
  for (const file of KATEX_FILES) {
    mkdirSync(dirname(join(DIST, 'vendor', 'katex', file)), { recursive: true });
    cpSync(join(KATEX, file), join(DIST, 'vendor', 'katex', file));
  }
  cpSync(join(KATEX, 'fonts'), join(DIST, 'vendor', 'katex', 'fonts'), {
    recursive: true,
    filter: (file) => !/\.(woff|ttf)$/.test(file),
  });
  const pack = manifest();
  const readme = readFileSync(join(ROOT, 'scripts', 'package', 'README.md'), 'utf8');
  writeFileSync(join(DIST, 'README.md'), readme.replaceAll('@VERSION', `@${pack.version}`));
  cpSync(join(ROOT, 'scripts', 'package', 'LICENSE'), join(DIST, 'LICENSE'));
  writeFileSync(join(DIST, 'package.json'), `${JSON.stringify(pack, null, 2)}\n`);
  console.log(`dist/ written: ${relative(process.cwd(), DIST) || '.'}`);
}

main();
