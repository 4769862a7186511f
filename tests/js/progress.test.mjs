import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createProgress } from '../../www/js/kit/progress.js';
import { fakeDocument } from './fake-dom.mjs';

/** A manual clock: later() records timers; advance(ms) runs the ones due. */
function manualClock() {
  let now = 0;
  const timers = [];
  return {
    later(run, ms) {
      const timer = { at: now + ms, run, live: true };
      timers.push(timer);
      return () => (timer.live = false);
    },
    advance(ms) {
      now += ms;
      for (const timer of timers) {
        if (timer.live && timer.at <= now) {
          timer.live = false;
          timer.run();
        }
      }
    },
  };
}

function setup() {
  const doc = fakeDocument();
  const clock = manualClock();
  const progress = createProgress(doc.body, { later: clock.later });
  const root = progress.element;
  const bar = root.find((n) => n.getAttribute('role') === 'progressbar');
  const button = root.find((n) => n.tagName === 'BUTTON');
  return { doc, clock, progress, root, bar, button };
}

test('the component is built hidden, with an accessible progress bar and a real button', () => {
  const { doc, root, bar, button } = setup();
  assert.equal(doc.body.children[0], root);
  assert.equal(root.hidden, true);
  assert.equal(bar.getAttribute('aria-valuemin'), '0');
  assert.equal(bar.getAttribute('aria-valuemax'), '100');
  assert.equal(button.getAttribute('type'), 'button');
  assert.equal(button.textContent, 'Cancel');
});

test('a task is shown only after 200 ms, and a quick one never', () => {
  const { clock, progress, root } = setup();
  const quick = progress.begin('Sampling');
  clock.advance(150);
  quick.end();
  clock.advance(1000);
  assert.equal(root.hidden, true);
  const slow = progress.begin('Training');
  clock.advance(199);
  assert.equal(root.hidden, true);
  clock.advance(1);
  assert.equal(root.hidden, false);
  slow.end();
  assert.equal(root.hidden, true);
});

test('update sets aria-valuenow in percent (clamped); null or NaN makes the bar indeterminate', () => {
  const { progress, bar } = setup();
  const task = progress.begin('Training', { onCancel() {} });
  assert.equal(bar.hasAttribute('aria-valuenow'), false);
  assert.equal(bar.getAttribute('aria-label'), 'Training');
  task.update(0.426);
  assert.equal(bar.getAttribute('aria-valuenow'), '43');
  assert.equal(bar.getAttribute('aria-valuetext'), '43%');
  assert.equal(bar.children[0].style.width, '43%');
  task.update(7);
  assert.equal(bar.getAttribute('aria-valuenow'), '100');
  task.update(NaN);
  assert.equal(bar.hasAttribute('aria-valuenow'), false);
  assert.equal(bar.children[0].style.width, '');
});

test('Cancel (click or Escape) ends the task, marks it cancelled and calls onCancel once', () => {
  const { clock, progress, root, button } = setup();
  let cancels = 0;
  const task = progress.begin('Density grid', { onCancel: () => cancels++ });
  assert.equal(button.getAttribute('aria-label'), 'Cancel Density grid');
  assert.equal(button.hidden, false);
  clock.advance(300);
  button.dispatch('click');
  assert.equal(cancels, 1);
  assert.equal(task.cancelled, true);
  assert.equal(root.hidden, true);
  button.dispatch('click');
  assert.equal(cancels, 1);
  const second = progress.begin('Training', { onCancel: () => cancels++ });
  const event = button.dispatch('keydown', { key: 'Escape' });
  assert.equal(event.defaultPrevented, true);
  assert.equal(second.cancelled, true);
  assert.equal(cancels, 2);
});

test('without onCancel there is no Cancel button and Escape does nothing', () => {
  const { progress, button } = setup();
  const task = progress.begin('Loading');
  assert.equal(button.hidden, true);
  const event = button.dispatch('keydown', { key: 'Escape' });
  assert.equal(event.defaultPrevented, false);
  assert.equal(task.cancelled, false);
});

test('a new task replaces the old one, whose later calls are ignored', () => {
  const { clock, progress, root, bar } = setup();
  const first = progress.begin('First');
  const second = progress.begin('Second');
  clock.advance(250);
  assert.equal(root.hidden, false);
  first.update(0.9);
  assert.equal(bar.hasAttribute('aria-valuenow'), false);
  first.end();
  assert.equal(root.hidden, false, 'ending the old task leaves the new one shown');
  second.update(0.5);
  assert.equal(bar.getAttribute('aria-valuenow'), '50');
});

test('setWords rewrites the button and the running task, whose label may be a function', () => {
  const { clock, progress, root, button, bar } = setup();
  let lang = 'en';
  const label = () => (lang === 'en' ? 'Training to step 3000' : '訓練至第 3000 步');
  progress.begin(label, { onCancel() {} });
  clock.advance(250);
  const text = () => root.find((n) => n.className === 'kit-progress-label').textContent;
  assert.equal(text(), 'Training to step 3000');
  assert.equal(button.getAttribute('aria-label'), 'Cancel Training to step 3000');
  lang = 'zh-Hant';
  progress.setWords({ cancel: '取消', cancelLabel: (task) => `取消「${task}」` });
  assert.equal(text(), '訓練至第 3000 步');
  assert.equal(bar.getAttribute('aria-label'), '訓練至第 3000 步');
  assert.equal(button.textContent, '取消');
  assert.equal(button.getAttribute('aria-label'), '取消「訓練至第 3000 步」');
  assert.equal(root.hidden, false, 'the task goes on');
});
