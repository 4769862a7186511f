import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRunner } from '../../www/js/lab/runner.js';

/** A client whose requests stay pending until settled by hand. */
function manualClient() {
  const requests = [];
  return {
    requests,
    request(op, args, { onProgress } = {}) {
      let settle;
      const promise = new Promise((resolve, reject) => (settle = { resolve, reject }));
      const job = { op, args, onProgress, cancelled: false, ...settle, promise };
      job.cancel = () => (job.cancelled = true);
      requests.push(job);
      return job;
    },
  };
}

function setup(current = 1) {
  const said = [];
  const bars = [];
  const progress = {
    begin(text, { onCancel }) {
      const bar = { text, onCancel, ended: false, end: () => (bar.ended = true), update() {} };
      bars.push(bar);
      return bar;
    },
  };
  let barsBegun = 0;
  const state = { current };
  const runner = createRunner({
    progress,
    say: (name, text) => said.push([name, text]),
    isCurrent: (g) => g === state.current,
    onBar: () => barsBegun++,
  });
  return { runner, said, bars, state, client: manualClient(), begun: () => barsBegun };
}

test('a new job of a name cancels the previous one; results come back for the current model only', async () => {
  const { runner, client, state } = setup();
  const first = runner.run('frames', {}, { on: client, g: 1 });
  const second = runner.run('frames', {}, { on: client, g: 1 });
  assert.equal(client.requests[0].cancelled, true);
  assert.equal(client.requests[1].cancelled, false);
  client.requests[0].resolve({ cancelled: true });
  client.requests[1].resolve({ cancelled: false, value: 2 });
  assert.equal(await first, null);
  assert.deepEqual(await second, { cancelled: false, value: 2 });
  const old = runner.run('frames', {}, { on: client, g: 1 });
  state.current = 2;
  client.requests[2].resolve({ cancelled: false });
  assert.equal(await old, null);
});

test('failures become messages of their name, and success clears them', async () => {
  const { runner, client, said } = setup();
  const failing = runner.run('train', {}, { on: client, g: 1 });
  client.requests[0].reject(new Error('training diverged at step 7'));
  assert.equal(await failing, null);
  const working = runner.run('train', {}, { on: client, g: 1 });
  client.requests[1].resolve({});
  await working;
  assert.deepEqual(said, [
    ['train', 'training diverged at step 7'],
    ['train', null],
  ]);
});

test('a task shows a progress bar whose Cancel cancels the job; the bar ends with the job', async () => {
  const { runner, client, bars, begun } = setup();
  const seen = [];
  const job = runner.run(
    'densities',
    {},
    { on: client, g: 1, task: 'Computing', onProgress: (d, bar) => seen.push([d, bar]) },
  );
  assert.equal(bars.length, 1);
  assert.equal(begun(), 1);
  client.requests[0].onProgress('snapshot');
  assert.deepEqual(seen, [['snapshot', bars[0]]]);
  bars[0].onCancel();
  assert.equal(client.requests[0].cancelled, true);
  client.requests[0].resolve({ cancelled: true });
  assert.equal(await job, null);
  assert.equal(bars[0].ended, true);
});
