// Two origins on 127.0.0.1 (two ports): A serves dist/ under /flowlab/ with CORS, as a CDN does;
// B serves a blog post (reader.mjs hostPage) that loads the element scripts from A.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST } from './dist-server.mjs';
import { hostPage, ICON, INSTRUMENT } from './reader.mjs';
import { serveStatic } from './static.mjs';

/** Starts both origins; `hostHeaders(a)` gives B's response headers (a CSP). Resolves to { a, host, close }. */
export async function serveTwoOrigins({ hostHeaders = () => ({}) } = {}) {
  const a = await serveStatic(DIST, { prefix: '/flowlab/', headers: { 'access-control-allow-origin': '*' } });
  const folder = mkdtempSync(join(tmpdir(), 'flowlab-host-'));
  writeFileSync(join(folder, 'post.html'), hostPage(a.url));
  writeFileSync(join(folder, 'instrument.js'), INSTRUMENT);
  writeFileSync(join(folder, 'icon.svg'), ICON);
  const b = await serveStatic(folder, { headers: hostHeaders(new URL(a.url).origin) });
  const close = async () => {
    await Promise.all([a.close(), b.close()]);
    rmSync(folder, { recursive: true, force: true });
  };
  return { a: a.url, host: `${b.url}post.html`, close };
}
