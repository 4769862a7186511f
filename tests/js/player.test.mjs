import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPlayer } from '../../www/js/notebook/player.js';

/** Animation frames run by hand at chosen times. */
function fakeFrames() {
  let queue = new Map();
  let next = 1;
  globalThis.requestAnimationFrame = (callback) => {
    queue.set(next, callback);
    return next++;
  };
  globalThis.cancelAnimationFrame = (id) => queue.delete(id);
  return {
    run(now) {
      const due = [...queue.values()];
      queue = new Map();
      due.forEach((callback) => callback(now));
    },
    get pending() {
      return queue.size;
    },
  };
}

test('plays a slider to its end in the given time, then stops', () => {
  const frames = fakeFrames();
  const slider = { value: '0', max: '100' };
  const changes = [];
  let drawn = 0;
  const player = createPlayer(slider, { seconds: 2, onFrame: () => drawn++, onChange: (p) => changes.push(p) });
  const start = performance.now();
  player.play();
  assert.equal(player.playing, true);
  frames.run(start + 1000); // half the time: half way
  assert.ok(Math.abs(Number(slider.value) - 50) <= 1, slider.value);
  frames.run(start + 2500);
  assert.equal(slider.value, '100');
  assert.equal(player.playing, false);
  assert.deepEqual(changes, [true, false]);
  assert.equal(drawn, 2);
  assert.equal(frames.pending, 0);
  // From the end, Play starts again at 0.
  player.toggle();
  frames.run(performance.now());
  assert.ok(Number(slider.value) <= 1, slider.value);
  player.toggle();
  assert.equal(player.playing, false);
  assert.equal(frames.pending, 0);
});

test('a held player waits and resumes from where it was', () => {
  const frames = fakeFrames();
  const slider = { value: '20', max: '100' };
  const player = createPlayer(slider, { seconds: 1, onFrame: () => {}, onChange: () => {} });
  player.play();
  player.hold(true);
  frames.run(performance.now() + 10_000);
  assert.equal(slider.value, '20', 'no move while held');
  assert.equal(player.playing, true);
  player.hold(false);
  const resumed = performance.now();
  frames.run(resumed + 100);
  const value = Number(slider.value);
  assert.ok(value > 20 && value < 40, String(value));
});
