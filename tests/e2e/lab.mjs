// Reading a <flow-lab> figure from the page: its numbers and its state.

/** The text of the first lab's status line. */
export function statusText(page, lab = 'flow-lab') {
  return page.textContent(`${lab} .fl-status`);
}

/**
 * Presses "Train from scratch" and waits until the new network is in place (the step read-out
 * below `below`), so that a later wait on the step does not read the shipped model's 3000.
 */
export async function trainFromScratch(page, lab = 'flow-lab', below = 100) {
  await page.click(`${lab} .fl-reset`);
  await page.waitForFunction(
    ([sel, n]) => Number(document.querySelector(`${sel} [data-key=step]`).dataset.value) < n,
    [lab, below],
  );
}

/** One number of the read-outs (NaN while unknown). */
export async function readout(page, key, lab = 'flow-lab') {
  const text = await page.getAttribute(`${lab} dd[data-key=${key}]`, 'data-value');
  return text ? Number(text) : NaN;
}

/** Every read-out as { key: number }. */
export function readouts(page, lab = 'flow-lab') {
  return page.evaluate(
    (sel) =>
      Object.fromEntries(
        [...document.querySelector(sel).querySelectorAll('dd[data-key]')].map((dd) => [
          dd.dataset.key,
          dd.dataset.value ? Number(dd.dataset.value) : NaN,
        ]),
      ),
    lab,
  );
}

/**
 * Waits until a lab is paused and shows its density views at t = 1 for the network of its
 * current step, with their read-outs: the final state of a training run.
 */
export function densitiesReady(page, lab = 'flow-lab', timeout = 90_000) {
  const settled = (sel) => {
    const root = document.querySelector(sel);
    const section = root.querySelector('.fl-density');
    const step = root.querySelector('dd[data-key=step]').dataset.value;
    const mass = root.querySelector('dd[data-key=mass]').dataset.value;
    const paused = /paused|finished/.test(root.querySelector('.fl-status').dataset.state);
    return Boolean(mass) && paused && section.dataset.t === '1' && section.dataset.step === step;
  };
  return page.waitForFunction(settled, lab, { timeout });
}

/** Moves the lab's t slider to `t` as a reader would (an input event). */
export function slide(page, lab, t) {
  return page.evaluate(
    ([sel, value]) => {
      const range = document.querySelector(`${sel} .fl-time`);
      range.value = String(value);
      range.dispatchEvent(new Event('input', { bubbles: true }));
    },
    [lab, t],
  );
}
