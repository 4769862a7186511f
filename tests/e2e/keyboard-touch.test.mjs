// Reachable by keyboard, usable by touch (issue 14.4). From the top of the article, Tab reaches
// every figure's controls, §4-§6's labs included (built only when seen or focused) and the
// buttons unavailable during start-up (aria-disabled, still in the tab order). On a phone
// (390 x 844) every button, select and slider of every figure is at least 44 px tall, and every
// display equation wider than the column scrolls inside its own box, faded where more is hidden.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, screenshot, startSession } from './harness.mjs';

const FIGURES = 'flow-change-of-variables, flow-coupling, flow-residual, flow-lab, flow-diffusion';
let session;
before(async () => {
  session = await startSession({ maxSeconds: 300 });
});
after(async () => {
  await session?.close();
});

test('Tab from the top of the article reaches every figure, start-up buttons included', async () => {
  const { page, problems } = await openPage(session.browser, `${session.url}index.html?lang=en`);
  await page.setViewportSize({ width: 1280, height: 800 });
  const count = await page.evaluate((s) => document.querySelectorAll(s).length, FIGURES);
  assert.ok(count >= 7, `${count} figures`);
  // For each figure (by its index among the figures), the controls Tab stopped at, in order.
  const reached = new Map();
  let hostStops = 0;
  for (let press = 0; press < 2000; press++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate((s) => {
      const active = document.activeElement;
      const figure = active?.closest(s);
      if (!figure) return null;
      const index = [...document.querySelectorAll(s)].indexOf(figure);
      return { index, host: active === figure, what: `${active.localName}.${[...active.classList].join('.')}` };
    }, FIGURES);
    if (!stop && reached.size === count) break; // past the last figure
    if (!stop) continue;
    if (stop.host) hostStops++;
    const list = reached.get(stop.index) ?? [];
    list.push(stop.what);
    reached.set(stop.index, list);
  }
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !reached.has(i));
  assert.deepEqual(missing, [], `Tab never reached figures ${missing} of ${count}`);
  // A waiting lab builds on focus and hands the focus to its first control: Tab never rests on a host.
  assert.equal(hostStops, 0, 'Tab stopped on an unbuilt figure');
  const all = [...reached.values()].flat().join(' ');
  for (const control of ['button.fl-train', 'button.fl-step', 'button.fl-reset', 'button.fd-resample']) {
    assert.ok(all.includes(control), `Tab skipped ${control}: ${all.slice(0, 400)}`);
  }
  assert.deepEqual(problems, []);
  await page.close();
});

test('on a phone: 44 px touch targets in every figure, and wide equations scroll visibly', async () => {
  const { page, problems } = await openPage(session.browser, `${session.url}index.html`);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForFunction(() => document.documentElement.dataset.article === 'ready', null, { timeout: 60_000 });
  // Build every figure: scroll each into view until none waits.
  const count = await page.evaluate((s) => document.querySelectorAll(s).length, FIGURES);
  for (let i = 0; i < count; i++) {
    await page.evaluate(([s, k]) => document.querySelectorAll(s)[k].scrollIntoView(), [FIGURES, i]);
    await page.waitForFunction(([s, k]) => document.querySelectorAll(s)[k].dataset.state !== 'waiting', [FIGURES, i]);
  }
  const small = await page.evaluate((s) => {
    const controls = [...document.querySelectorAll(s)].flatMap((f) => [
      ...f.querySelectorAll('button, select, input[type=range]'),
    ]);
    return {
      total: controls.length,
      small: controls
        .map((c) => ({ c, box: c.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 0 && box.height < 44)
        .map(({ c, box }) => `${c.localName}.${c.className} ${box.height.toFixed(0)} px`),
    };
  }, FIGURES);
  assert.ok(small.total > 30, `${small.total} controls`);
  assert.deepEqual(small.small, [], 'controls under 44 px tall on a phone');

  const equations = await page.evaluate(() => {
    const displays = [...document.querySelectorAll('.katex-display')].filter((d) => d.getBoundingClientRect().width > 0);
    const wide = displays.filter((d) => d.scrollWidth > d.clientWidth + 1);
    return {
      shown: displays.length,
      wide: wide.length,
      cut: displays.filter((d) => d.getBoundingClientRect().right > innerWidth + 0.5).length,
      unmarked: wide.filter((d) => {
        const style = getComputedStyle(d);
        const mask = style.maskImage || style.webkitMaskImage || '';
        return !['auto', 'scroll'].includes(style.overflowX) || !mask.includes('gradient');
      }).length,
      page: document.scrollingElement.scrollWidth,
    };
  });
  assert.ok(equations.shown > 20 && equations.wide > 0, JSON.stringify(equations));
  assert.equal(equations.cut, 0, 'a display equation reaches past the screen');
  assert.equal(equations.unmarked, 0, 'a wide equation without a scroll box and its fade');
  assert.ok(equations.page <= 390, `the page scrolls sideways: ${equations.page} px`);
  await page.evaluate(() => document.querySelector('.katex-display')?.scrollIntoView());
  await screenshot(page, 'keyboard-touch-phone-equation');
  assert.deepEqual(problems, []);
  await page.close();
});
