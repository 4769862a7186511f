// The dev server (scripts/serve.mjs) as its own process, fed hostile requests over raw sockets;
// after them all it must still be running and serve the notebook.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { readdirSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TYPES } from '../../scripts/serve.mjs';
import { DEV_SERVER_POLICY } from '../../scripts/csp.mjs';

const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..', '..');
let child;
let port;

before(async () => {
  child = spawn(process.execPath, [join(ROOT, 'scripts/serve.mjs'), '--port', '0', '--max-seconds', '120'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text) => process.stderr.write(`server: ${text}`));
  const line = await new Promise((done, fail) => {
    child.stdout.setEncoding('utf8');
    child.stdout.once('data', done);
    child.once('exit', (code) => fail(new Error(`the server exited with ${code} before listening`)));
  });
  port = Number(/127\.0\.0\.1:(\d+)/.exec(line)[1]);
});

after(() => child.kill());

/** Sends `raw` bytes on a new connection; resolves to { status, headers, body } (body as text). */
function send(raw, { abortAfterBytes = Infinity } = {}) {
  return new Promise((done, fail) => {
    const socket = connect(port, '127.0.0.1');
    const chunks = [];
    let received = 0;
    socket.setTimeout(10_000, () => fail(new Error(`no answer to ${JSON.stringify(raw.slice(0, 80))}`)));
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      received += chunk.length;
      if (received >= abortAfterBytes) {
        socket.destroy();
        done(null);
      }
    });
    socket.on('error', fail);
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const [head, ...rest] = text.split('\r\n\r\n');
      const [statusLine, ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(
        lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
      );
      done({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
    });
    socket.write(raw);
  });
}

const get = (target, method = 'GET') => send(`${method} ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);

test('hostile paths get 400, 404 or 414, never a crash', async () => {
  const cases = [
    ['/%E0%A4%A', 400],
    ['/%', 400],
    ['/%zz', 400],
    ['/%C0%AE%C0%AE/', 400], // overlong UTF-8 for ..
    ['/../../etc/passwd', 404],
    ['/%2e%2e/%2e%2e/etc/passwd', 404],
    ['/..%2f..%2fetc/passwd', 404],
    ['/%5c..%5c..%5cetc%5cpasswd', 404],
    ['/index.html%00.js', 404],
    ['/pkg/../../Cargo.toml', 404],
    ['/vendor/katex/../../../package.json', 404],
    ['/.git/config', 404],
    ['/js/.hidden', 404],
    [`/${'a'.repeat(3000)}`, 414],
    [`/${'%41'.repeat(1000)}`, 414],
    ['*', 400],
    ['http://127.0.0.1/index.html', 400],
    ['/js/', 404], // a directory without index.html
    ['/no/such/file.js', 404],
  ];
  for (const [target, expected] of cases) {
    const reply = await get(target);
    assert.equal(reply.status, expected, `${JSON.stringify(target.slice(0, 60))} -> ${reply.status}`);
    assert.equal(reply.headers['x-content-type-options'], 'nosniff', target);
  }
});

test('methods other than GET and HEAD get 405 with Allow; HEAD has no body', async () => {
  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'PROPFIND']) {
    const reply = await get('/index.html', method);
    assert.equal(reply.status, 405, method);
    assert.equal(reply.headers.allow, 'GET, HEAD', method);
  }
  const head = await get('/index.html', 'HEAD');
  assert.equal(head.status, 200);
  assert.equal(head.body, '');
  assert.ok(Number(head.headers['content-length']) > 1000);
});

test('a directory named without its slash is redirected to the same host', async () => {
  const reply = await get('//figures');
  assert.equal(reply.status, 301);
  assert.equal(reply.headers.location, '/figures/');
});

test('garbage, an over-long header and a half-sent request do not stop the server', async () => {
  const unparsable = [
    ['HELLO\r\n\r\n', 400],
    ['\x00\x01\x02\xff\r\n\r\n', 400],
    ['GET /\u00e9 HTTP/1.1\r\nHost: x\r\n\r\n', 400], // not ASCII
    ['GET / HTTP/9.9\r\nHost: x\r\n\r\n', 400],
    ['GET / HTTP/1.1\r\nContent-Length: -1\r\n\r\n', 400],
    [`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(20_000)}\r\n\r\n`, 431],
  ];
  for (const [raw, expected] of unparsable) {
    const reply = await send(raw);
    assert.equal(reply.status, expected, JSON.stringify(raw.slice(0, 40)));
    assert.equal(reply.headers['x-content-type-options'], 'nosniff');
  }
  // A request that stops in the middle of its headers, and one aborted while its file streams.
  const half = connect(port, '127.0.0.1');
  half.write('GET /index.html HTTP/1.1\r\nHost: x\r\n');
  half.destroy();
  await send('GET /js/lab/lab.js HTTP/1.1\r\nHost: x\r\n\r\n', { abortAfterBytes: 200 });
});

test('many parallel connections are all answered', async () => {
  const replies = await Promise.all(Array.from({ length: 200 }, (_, i) => get(i % 2 ? '/lab.html' : '/%E0')));
  assert.deepEqual(
    replies.map((r) => r.status),
    Array.from({ length: 200 }, (_, i) => (i % 2 ? 200 : 400)),
  );
});

test('every file under www/ has its own content type; responses carry the security headers', async () => {
  const files = (dir) =>
    readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [name]));
  for (const name of files(join(ROOT, 'www'))) assert.ok(TYPES[extname(name)], `no type for ${name}`);
  const expected = {
    '/': 'text/html; charset=utf-8',
    '/js/flow-lab.js': 'text/javascript; charset=utf-8',
    '/style.css': 'text/css; charset=utf-8',
    '/favicon.svg': 'image/svg+xml',
  };
  for (const [path, type] of Object.entries(expected)) {
    const reply = await get(path);
    assert.equal(reply.status, 200, path);
    assert.equal(reply.headers['content-type'], type, path);
    assert.equal(reply.headers['content-security-policy'], DEV_SERVER_POLICY, path);
  }
  assert.match(DEV_SERVER_POLICY, /script-src 'self' 'wasm-unsafe-eval'/);
});

test('after all that the server is still running and serves the notebook', async () => {
  assert.equal(child.exitCode, null);
  const reply = await get('/index.html?lang=zh-Hant#%E0%A4%A');
  assert.equal(reply.status, 200);
  assert.match(reply.body, /<flow-lab/);
});
