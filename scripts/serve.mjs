// A small static server for the notebook, on 127.0.0.1 only.
//   node scripts/serve.mjs [--port 8080] [--max-seconds N]
// URL paths: /pkg/* -> pkg/ (wasm-pack output), /vendor/katex/* -> node_modules/katex/dist/,
// everything else -> www/. Prints the URL on its first line of output.
// Every request gets an answer and none can stop the server: a malformed or over-long path is a
// 400 or 414, a method other than GET or HEAD a 405, a path outside the mounts (.., encoded or
// not, NUL, a symbolic link leading out, a hidden file) or a directory without index.html a 404.
import { createServer } from 'node:http';
import { createReadStream, realpathSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { DEV_SERVER_POLICY } from './csp.mjs';

const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..');
const MOUNTS = [
  ['/pkg/', join(ROOT, 'pkg')],
  ['/vendor/katex/', join(ROOT, 'node_modules', 'katex', 'dist')],
  ['/', join(ROOT, 'www')],
];
const MAX_URL = 2048; // characters of the request target
export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
  '.flow': 'application/octet-stream', // a saved FlowModel (www/weights/)
  '.coupling': 'application/octet-stream', // a saved CouplingModel (www/weights/)
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8', // wasm-pack's .d.ts
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};
const SECURITY = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': DEV_SERVER_POLICY,
  'referrer-policy': 'no-referrer',
};

/**
 * Maps a request target to { file } inside one of the mounts, { redirect } for a directory named
 * without its final slash, or { status } (400 malformed, 414 too long, 404 outside the mounts).
 */
export function resolvePath(target) {
  if (target.length > MAX_URL) return { status: 414 };
  if (!target.startsWith('/')) return { status: 400 };
  const raw = target.split(/[?#]/)[0];
  let path;
  try {
    path = decodeURIComponent(raw);
  } catch {
    return { status: 400 };
  }
  if (path.includes('\0') || path.includes('\\')) return { status: 404 };
  if (path.split('/').some((part) => part.startsWith('.'))) return { status: 404 };
  for (const [prefix, dir] of MOUNTS) {
    if (!path.startsWith(prefix)) continue;
    let file = normalize(join(dir, path.slice(prefix.length)));
    if (!inside(file, dir)) return { status: 404 };
    const stats = statOrNull(file);
    if (stats?.isDirectory()) {
      if (!path.endsWith('/')) return { redirect: `${encodeURI(`/${path.replace(/^\/+/, '')}`)}/` };
      file = join(file, 'index.html');
    }
    try {
      if (!inside(realpathSync(file), realpathSync(dir))) return { status: 404 };
    } catch {
      return { status: 404 };
    }
    return { file };
  }
  return { status: 404 };
}

function inside(file, dir) {
  return file === dir || file.startsWith(dir + sep);
}

function statOrNull(file) {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}

const MESSAGES = { 400: 'bad request', 404: 'not found', 405: 'method not allowed', 414: 'URL too long', 500: 'error' };

function reply(res, status, headers = {}) {
  const body = `${MESSAGES[status] ?? status}\n`;
  res.writeHead(status, { ...SECURITY, 'content-type': 'text/plain; charset=utf-8', ...headers });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

function handle(req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return reply(res, 405, { allow: 'GET, HEAD' });
  const found = resolvePath(req.url ?? '');
  if (found.redirect) return reply(res, 301, { location: found.redirect });
  if (found.status) return reply(res, found.status);
  const stats = statOrNull(found.file);
  if (!stats?.isFile()) return reply(res, 404);
  res.writeHead(200, {
    ...SECURITY,
    'content-type': TYPES[extname(found.file)] ?? 'application/octet-stream',
    'content-length': stats.size,
    'cache-control': 'no-cache',
  });
  if (req.method === 'HEAD') return res.end();
  // pipeline closes the file when the client goes away mid-stream, and the socket on a read error.
  pipeline(createReadStream(found.file), res, () => {});
}

/** Starts the server; resolves to { server, url } once it listens. */
export function serve(port = 8080) {
  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (error) {
      console.error('serve:', req.method, JSON.stringify(req.url), error);
      if (!res.headersSent) reply(res, 500);
      else res.destroy();
    }
  });
  // A request Node cannot parse: answered here so that it too carries nosniff.
  server.on('clientError', (error, socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') return socket.destroy();
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nx-content-type-options: nosniff\r\ncontent-length: 0\r\nconnection: close\r\n\r\n`);
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', fail);
      server.on('error', (error) => console.error('serve:', error));
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
