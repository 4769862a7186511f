// Reading a <flow-lab> figure from the page: its numbers and its state.

/** The text of the first lab's status line. */
export function statusText(page, lab = 'flow-lab') {
  return page.textContent(`${lab} .fl-status`);
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

/** Waits until a lab shows its density views (the mass read-out is known). */
export function densitiesReady(page, lab = 'flow-lab', timeout = 90_000) {
  return page.waitForFunction((sel) => document.querySelector(`${sel} dd[data-key=mass]`)?.dataset.value, lab, {
    timeout,
  });
}
