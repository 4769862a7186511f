// Every attribute of every figure set to nonsense before the element connects, and changed again
// while it computes: each figure shows a message naming the attribute, draws its defaults (never
// a blank box), and nothing reaches the console.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, canvasStats, openPage, startSession } from './harness.mjs';
import { LAB_SETTINGS } from '../../www/js/lab-settings.js';

let session;
before(async () => {
  session = await startSession({ maxSeconds: 400 });
});
after(async () => {
  await session?.close();
});

const NONSENSE = ['abc', '', 'NaN', '-1e309', '0x10', '<img src=x onerror=alert(1)>', '🙂'.repeat(60), '  ', '__proto__'];
const AGAIN = ['Infinity', '1_000', 'null', '{}', '%E0%A4%A', '-', 'e5', 'true', '٣'];

/** Each element, its attributes, and a canvas of it that shows a picture once it has computed. */
const FIGURES = [
  { tag: 'flow-change-of-variables', attributes: ['shape', 'scale', 'strength', 'map'], canvas: '.cv-line-canvas' },
  { tag: 'flow-coupling', attributes: ['target', 'steps', 'layers', 'seed'], canvas: '.fc-panels canvas' },
  { tag: 'flow-residual', attributes: ['k', 'max-k', 'points', 'train-steps', 'width', 'seed'], canvas: '.fr-cloud' },
  { tag: 'flow-marginal', attributes: ['t', 'pairs', 'train-steps', 'width', 'seed'], canvas: '.fmg-pairs' },
  { tag: 'flow-diffusion', attributes: ['points', 'steps', 'seed'], canvas: '.fd-sde' },
  {
    tag: 'flow-hutchinson',
    attributes: ['field', 'probe', 'probes', 'repeats', 'grid', 'train-steps', 'width', 'seed'],
    canvas: '.fh-variance',
  },
  { tag: 'flow-steps', attributes: ['scheme', 'nfe', 'points', 'train-steps', 'width', 'seed'], canvas: '.fs-orders' },
  {
    tag: 'flow-lab',
    attributes: [...LAB_SETTINGS.map((s) => s.key).filter((k) => k !== 'target'), 'hide', 'autostart'],
    canvas: '.fl-flow-canvas',
  },
];

/** Sets attribute i of `names` to values[i mod n] on the element `#id` (created and appended if new). */
function setAll(page, { id, tag, names, values, create }) {
  return page.evaluate(
    ({ id, tag, names, values, create }) => {
      let element = document.getElementById(id);
      if (create) {
        element = document.createElement(tag);
        element.id = id;
        element.style.display = 'block';
      }
      names.forEach((name, i) => element.setAttribute(name, values[i % values.length]));
      if (create) document.body.prepend(element);
    },
    { id, tag, names, values, create },
  );
}

/** Waits until the visible text of `#id` matches the regular expression `source`; returns that text. */
async function waitText(page, id, source, timeout = 30_000) {
  await page.waitForFunction(
    ([id, source]) => new RegExp(source).test(document.getElementById(id)?.innerText ?? ''),
    [id, source],
    { timeout },
  );
  return page.evaluate((id) => document.getElementById(id).innerText, id);
}

for (const { tag, attributes, canvas } of FIGURES) {
  test(`<${tag}>: nonsense attributes before and after it connects give a message, not a blank box`, async () => {
    // The article loads every figure's module; the test's figure is put on top, where it is visible.
    const { page, problems } = await openPage(session.browser, `${session.url}index.html`);
    const id = `fuzz-${tag}`;
    await setAll(page, { id, tag, names: attributes, values: NONSENSE, create: true });
    await waitText(page, id, `${attributes[0]}="?abc"? is not`);

    // While it loads and computes: every attribute again, twice, 300 ms apart.
    await setAll(page, { id, tag, names: attributes, values: AGAIN, create: false });
    await page.waitForTimeout(300);
    await setAll(page, { id, tag, names: [...attributes].reverse(), values: NONSENSE, create: false });
    const last = attributes.at(-1);
    const text = await waitText(page, id, `${last}="?abc"? is not`);
    // Every attribute is named, except where an empty value is allowed (views="", hide="").
    [...attributes].reverse().forEach((name, i) => {
      if (NONSENSE[i % NONSENSE.length].trim() === '' && ['views', 'hide', 'autostart'].includes(name)) return;
      assert.ok(text.includes(`${name}=`), `${name}="${NONSENSE[i % NONSENSE.length]}" is not named: ${text}`);
    });

    // The defaults are computed and drawn.
    await page.waitForFunction(
      ([id, selector]) => {
        const c = document.querySelector(`#${id} ${selector}`);
        if (!c || c.width === 0) return false;
        const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
        const colours = new Set();
        let [sum, sumSq] = [0, 0];
        for (let i = 0; i < data.length; i += 4) {
          colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
          const y = 0.2126 * data[i] + 0.7152 * data[i + 1] + 0.0722 * data[i + 2];
          sum += y;
          sumSq += y * y;
        }
        const n = data.length / 4;
        return colours.size >= 3 && sumSq / n - (sum / n) ** 2 > 1;
      },
      [id, canvas],
      { timeout: 120_000 },
    );
    const stats = await canvasStats(page, `#${id} ${canvas}`);
    assert.ok(stats.colours >= 3 && stats.luminanceStd > 1, `${tag} is blank: ${JSON.stringify(stats)}`);
    const box = await page.locator(`#${id}`).boundingBox();
    assert.ok(box.height > 150, `${tag} is ${box.height} px high`);
    assert.notEqual(await page.getAttribute(`#${id}`, 'data-state'), 'error', text);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.locator(`#${id}`).screenshot({ path: join(ARTIFACTS, `hostile-${tag}.png`) });

    // Removed while it computes, and put back: no error either.
    await page.evaluate((id) => {
      const element = document.getElementById(id);
      element.remove();
      document.body.prepend(element);
      element.setAttribute('lang', 'xx-🙂');
    }, id);
    await page.waitForTimeout(500);
    assert.deepEqual(problems, []);
    await page.close();
  });
}
