// Plain static servers for the shipping tests: a folder served on 127.0.0.1 (any free port) under
// a URL prefix, with extra response headers (CORS, a Content-Security-Policy) and paths made to
// fail (a missing wasm). No mounts, no rewriting: what a static host does.
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { TYPES } from '../../scripts/serve.mjs';

/**
 * Serves `root` at `prefix` (e.g. '/some/sub/path/'); `headers` are added to every response,
 * and a path matching `missing` answers 404. Resolves to { url, close } (url ends with prefix).
 */
export function serveStatic(root, { prefix = '/', headers = {}, missing = null } = {}) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = path.startsWith(prefix) ? normalize(join(root, path.slice(prefix.length))) : null;
    if (file && file !== root && !file.startsWith(root + sep)) file = null;
    try {
      if (file && statSync(file).isDirectory()) file = join(file, 'index.html');
      if (file && !statSync(file).isFile()) file = null;
    } catch {
      file = null;
    }
    if (!file || missing?.test(path)) {
      res.writeHead(404, { 'content-type': 'text/plain', ...headers }).end('not found\n');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...headers });
    createReadStream(file).pipe(res);
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const close = () =>
        new Promise((closed) => {
          server.closeAllConnections?.();
          server.close(closed);
        });
      done({ url: `http://127.0.0.1:${server.address().port}${prefix}`, close });
    });
  });
}
