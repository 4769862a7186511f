// What a reader downloads and waits for, measured on dist/ (run `make dist` first):
//   node bench/shipping.mjs [--runs 3]
// For each page: the files it fetched (workers' fetches included) with their sizes raw, gzip -9
// and brotli (quality 11), as a static host with compression would send them; and the time from
// navigation to the first drawn figure (the first canvas inside a FlowLab element with a picture
// on it), median of fresh browser contexts (cold cache), in headless Chromium on 127.0.0.1 (no
// network latency: the times are the browser's and the core's work).
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { launchChromium } from '../tests/e2e/harness.mjs';
import { DIST } from '../tests/e2e/dist-server.mjs';
import { serveTwoOrigins } from '../tests/e2e/embed-origins.mjs';
import { serveStatic } from '../tests/e2e/static.mjs';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3;

/** Page side: polls every frame for the first FlowLab canvas with a picture; stores the time. */
function watchFirstFigure() {
  const drawn = (canvas) => {
    if (!canvas.width || !canvas.height) return false;
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    const colours = new Set();
    for (let i = 0; i < data.length && colours.size < 3; i += 16) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    return colours.size >= 3;
  };
  const poll = () => {
    const figure = [...document.querySelectorAll('canvas')].find((c) => c.closest('flow-lab, flow-change-of-variables, flow-coupling, flow-residual, flow-diffusion') && drawn(c));
    if (figure) window.firstFigureMs = performance.now();
    else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}

const sizeCache = new Map();
function sizes(file) {
  if (!sizeCache.has(file)) {
    const bytes = readFileSync(file);
    sizeCache.set(file, {
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  return sizeCache.get(file);
}

async function measure(browser, name, url, distPrefix) {
  const times = [];
  let files = new Set();
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(watchFirstFigure);
    const fetched = new Set();
    context.on('requestfinished', (req) => {
      const path = new URL(req.url()).pathname;
      if (path.startsWith(distPrefix)) fetched.add(join(DIST, path.slice(distPrefix.length)));
    });
    await page.goto(url);
    await page.waitForFunction(() => window.firstFigureMs, null, { timeout: 120_000 });
    times.push(await page.evaluate(() => window.firstFigureMs));
    await page.waitForTimeout(1500); // late fetches (fonts, the second worker's wasm)
    files = fetched;
    await context.close();
  }
  const list = [...files].filter((f) => statSync(f, { throwIfNoEntry: false })?.isFile());
  const total = list.map(sizes).reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip, brotli: a.brotli + s.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  times.sort((a, b) => a - b);
  return { name, files: list.length, ...total, firstFigureMs: Math.round(times[Math.floor(times.length / 2)]), allMs: times.map(Math.round) };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const site = await serveStatic(DIST);
const origins = await serveTwoOrigins();
const { browser, close } = await launchChromium({ maxSeconds: 900, onClose: async () => Promise.all([site.close(), origins.close()]) });
try {
  const rows = [
    await measure(browser, 'article, opened at section 1', `${site.url}index.html#change-of-variables`, '/'),
    await measure(browser, 'lab.html', `${site.url}lab.html`, '/'),
    await measure(browser, 'figure page (coupling)', `${site.url}figures/coupling.html`, '/'),
    await measure(browser, 'embed from another origin', origins.host, '/flowlab/'),
  ];
  const wasm = sizes(join(DIST, 'pkg', 'flowlab_bg.wasm'));
  console.log(`wasm core: ${kb(wasm.raw)} raw, ${kb(wasm.gzip)} gzip, ${kb(wasm.brotli)} brotli\n`);
  console.log('| page | files | raw | gzip | brotli | first figure drawn (median ms) | runs (ms) |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.name} | ${r.files} | ${kb(r.raw)} | ${kb(r.gzip)} | ${kb(r.brotli)} | ${r.firstFigureMs} | ${r.allMs.join(', ')} |`);
} finally {
  await close();
}
