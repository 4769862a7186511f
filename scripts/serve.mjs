// A small static server for the notebook, on 127.0.0.1 only.
//   node scripts/serve.mjs [--port 8080] [--max-seconds N]
// URL paths: /pkg/* -> pkg/ (wasm-pack output), /vendor/katex/* -> node_modules/katex/dist/,
// everything else -> www/. Prints the URL on its first line of output.
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..');
const MOUNTS = [
  ['/pkg/', join(ROOT, 'pkg')],
  ['/vendor/katex/', join(ROOT, 'node_modules', 'katex', 'dist')],
  ['/', join(ROOT, 'www')],
];
export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.csv': 'text/csv; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

/** Maps a URL path to a file inside one of the mounts, or null if it escapes them. */
export function resolvePath(urlPath) {
  const path = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  for (const [prefix, dir] of MOUNTS) {
    if (!path.startsWith(prefix)) continue;
    let file = normalize(join(dir, path.slice(prefix.length)));
    if (file !== dir && !file.startsWith(dir + sep)) return null;
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
    } catch {
      /* a missing file is reported by the caller */
    }
    return file;
  }
  return null;
}

/** Starts the server; resolves to { server, url } once it listens. */
export function serve(port = 8080) {
  const server = createServer((req, res) => {
    const file = resolvePath(req.url);
    let size = -1;
    try {
      size = file ? statSync(file).size : -1;
    } catch {
      size = -1;
    }
    if (size < 0) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': size,
      'cache-control': 'no-cache',
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      done({ server, url: `http://127.0.0.1:${server.address().port}/` });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const { server, url } = await serve(arg('--port', 8080));
  console.log(`FlowLab is served at ${url}`);
  const maxSeconds = arg('--max-seconds', 0);
  if (maxSeconds > 0) setTimeout(() => server.close(() => process.exit(0)), maxSeconds * 1000).unref();
}
