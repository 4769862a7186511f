// kit/start-worker.js: same-origin scripts start directly, others through a same-origin blob:
// module that imports them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveObjectURL } from 'node:buffer';
import { startWorker } from '../../www/js/kit/start-worker.js';

const started = [];
globalThis.location = { href: 'https://blog.example/posts/flows.html', origin: 'https://blog.example' };
globalThis.Worker = class {
  constructor(url, options) {
    started.push({ url: String(url), options });
  }
};

test('a script on the page origin starts as a module worker at its own URL', () => {
  startWorker('/js/lab/worker.js');
  assert.deepEqual(started.pop(), { url: 'https://blog.example/js/lab/worker.js', options: { type: 'module' } });
});

test('a script on another origin starts through a blob: module importing it', async () => {
  const href = 'https://cdn.example/flowlab@0.1.0/js/lab/worker.js';
  startWorker(new URL(href));
  const { url, options } = started.pop();
  assert.match(url, /^blob:/);
  assert.deepEqual(options, { type: 'module' });
  assert.equal(await resolveObjectURL(url).text(), `import "${href}";\n`);
  // One loader per script, reused by the next worker of the same script.
  startWorker(href);
  assert.equal(started.pop().url, url);
  startWorker('https://cdn.example/flowlab@0.1.0/js/notebook/coupling/worker.js');
  assert.notEqual(started.pop().url, url);
});

test('a relative URL is resolved against the given base', () => {
  startWorker('./worker.js', 'https://cdn.example/js/lab/lab.js');
  assert.match(started.pop().url, /^blob:/);
  startWorker('./worker.js', 'https://blog.example/js/lab/lab.js');
  assert.equal(started.pop().url, 'https://blog.example/js/lab/worker.js');
});
