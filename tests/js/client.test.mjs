import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createClient } from '../../www/js/kit/client.js';

/** A worker stand-in: records posted messages; reply(msg) delivers a message to the client. */
function fakeWorker() {
  const listeners = {};
  const worker = {
    posted: [],
    terminated: false,
    postMessage(message) {
      worker.posted.push(message);
    },
    addEventListener(type, listener) {
      (listeners[type] ??= []).push(listener);
    },
    terminate() {
      worker.terminated = true;
    },
    reply(data) {
      for (const listener of listeners.message ?? []) listener({ data });
    },
    fail(message) {
      for (const listener of listeners.error ?? []) listener({ message, preventDefault() {} });
    },
  };
  return worker;
}

function setup() {
  const worker = fakeWorker();
  const client = createClient('worker.js', () => worker);
  return { worker, client };
}

test('requests get distinct ids and resolve with their own answers', async () => {
  const { worker, client } = setup();
  const a = client.request('train', { steps: 5 });
  const b = client.request('field', { t: 0.5 });
  assert.deepEqual(worker.posted, [
    { id: a.id, op: 'train', args: { steps: 5 } },
    { id: b.id, op: 'field', args: { t: 0.5 } },
  ]);
  assert.notEqual(a.id, b.id);
  worker.reply({ id: b.id, kind: 'done', data: 'field result' });
  worker.reply({ id: a.id, kind: 'done', data: 'train result' });
  assert.equal(await a.promise, 'train result');
  assert.equal(await b.promise, 'field result');
});

test('progress goes to the callback of its request until the request ends', async () => {
  const { worker, client } = setup();
  const seen = [];
  const job = client.request('densities', {}, { onProgress: (d) => seen.push(d) });
  worker.reply({ id: job.id, kind: 'progress', data: 1 });
  worker.reply({ id: job.id + 100, kind: 'progress', data: 'someone else' });
  worker.reply({ id: job.id, kind: 'progress', data: 2 });
  worker.reply({ id: job.id, kind: 'done', data: 'end' });
  worker.reply({ id: job.id, kind: 'progress', data: 3 });
  assert.equal(await job.promise, 'end');
  assert.deepEqual(seen, [1, 2]);
});

test('an error answer rejects with the worker message; cancel posts a cancel only while pending', async () => {
  const { worker, client } = setup();
  const job = client.request('train', {});
  job.cancel();
  assert.deepEqual(worker.posted.at(-1), { id: job.id, op: 'cancel' });
  worker.reply({ id: job.id, kind: 'error', message: 'training diverged' });
  await assert.rejects(job.promise, /training diverged/);
  const count = worker.posted.length;
  job.cancel();
  assert.equal(worker.posted.length, count);
});

test('a failing worker rejects what is pending and what comes later', async () => {
  const { worker, client } = setup();
  const job = client.request('init');
  worker.fail('SyntaxError: no export named FlowModel');
  await assert.rejects(job.promise, /worker failed: SyntaxError: no export named FlowModel/);
  await assert.rejects(client.request('init').promise, /worker failed/);
  client.terminate();
  assert.equal(worker.terminated, true);
});

test('a worker the page may not start gives requests that reject with the reason', async () => {
  const client = createClient('https://cdn.example/worker.js', () => {
    throw new Error("Refused by worker-src 'self'");
  });
  await assert.rejects(
    client.request('init').promise,
    /worker could not be started from https:\/\/cdn\.example\/worker\.js: Refused by worker-src 'self'/,
  );
  client.terminate();
});
