// The main thread's side of the worker protocol (kit/worker-loop.js): each request gets an id and a
// promise; progress messages go to a callback; a request can be cancelled.
//
//   const client = createClient(new URL('./worker.js', import.meta.url));
//   const job = client.request('train', { steps: 500 }, { onProgress: (data) => ... });
//   job.cancel();
//   const result = await job.promise;   // rejects with an Error carrying the worker's message
// Workers start through start-worker.js, which also works when the scripts are on another origin.
import { startWorker } from './start-worker.js';

/** Starts the worker; returns { request(op, args, { onProgress }) -> { promise, cancel }, terminate }. */
export function createClient(url, makeWorker = startWorker) {
  const pending = new Map();
  let nextId = 1;
  let broken = null;
  let worker;
  try {
    worker = makeWorker(url);
  } catch (error) {
    // A page whose policy forbids the worker: every request rejects with the reason.
    broken = new Error(`the computation worker could not be started from ${url}: ${error?.message ?? error}`);
    worker = { addEventListener() {}, postMessage() {}, terminate() {} };
  }

  worker.addEventListener('message', (/** @type {MessageEvent} */ { data: { id, kind, data, message } }) => {
    const entry = pending.get(id);
    if (!entry) return;
    if (kind === 'progress') {
      entry.onProgress?.(data);
      return;
    }
    pending.delete(id);
    if (kind === 'done') entry.resolve(data);
    else entry.reject(new Error(message));
  });
  // A worker that fails to load (or dies) rejects everything outstanding and everything later.
  worker.addEventListener('error', (/** @type {ErrorEvent} */ event) => {
    event.preventDefault();
    broken = new Error(`the computation worker failed: ${event.message || `it could not be loaded from ${url}`}`);
    for (const entry of pending.values()) entry.reject(broken);
    pending.clear();
  });

  /** @param {string} op @param {object} [args] @param {{ onProgress?: (data: any) => void }} [options] */
  const request = (op, args = {}, { onProgress } = {}) => {
    const id = nextId++;
    const promise = new Promise((resolve, reject) => {
      if (broken) {
        reject(broken);
        return;
      }
      pending.set(id, { resolve, reject, onProgress });
      worker.postMessage({ id, op, args });
    });
    const cancel = () => {
      if (pending.has(id)) worker.postMessage({ id, op: 'cancel' });
    };
    return { id, promise, cancel };
  };

  const terminate = () => {
    worker.terminate();
    broken = new Error('the computation worker was stopped');
    for (const entry of pending.values()) entry.reject(broken);
    pending.clear();
  };
  return { request, terminate };
}
