// The trained weights the site ships (../../weights/, written by examples/train_weights.rs):
// index.json lists each file with the settings it was trained with and its training curves, in
// lists by kind ('models': the lab's FlowModel files, 'couplings': <flow-coupling>'s
// CouplingModel files). The files are fetched relative to this module, so they are found under any
// sub-path and from another origin; each is fetched once per page, however many figures use it.

const INDEX = new URL('../../weights/index.json', import.meta.url);

/** @type {Promise<any> | null} */
let index = null;
/** @type {Map<string, Promise<ArrayBuffer>>} */
const files = new Map();

async function fetchOk(url, read) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
  return read(response);
}

/**
 * The first entry of the list `kind` that `accepts`, with its file's bytes (a fresh copy, the
 * input of the model's `load`): { entry, bytes }, or null when none is listed or the files cannot
 * be fetched.
 * @param {string} kind
 * @param {(entry: any) => boolean} accepts
 * @returns {Promise<{ entry: any, bytes: Uint8Array } | null>}
 */
export async function findShipped(kind, accepts) {
  let entry;
  try {
    index ??= fetchOk(INDEX, (r) => r.json());
    entry = ((await index)[kind] ?? []).find(accepts);
  } catch {
    index = null; // try again next time
    return null;
  }
  if (!entry) return null;
  const url = new URL(entry.file, INDEX).href;
  if (!files.has(url)) files.set(url, fetchOk(url, (r) => r.arrayBuffer()));
  try {
    return { entry, bytes: new Uint8Array((await files.get(url)).slice(0)) };
  } catch {
    files.delete(url);
    return null;
  }
}
