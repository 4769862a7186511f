// The worker side of the protocol of client.js: a table of operations answers { id, op, args }
// messages. An operation is `(args, job) => result` (sync or async); `job.progress(data)` posts a
// progress message and `job.cancelled()` says whether the main thread has cancelled the request.
//
//   in:  { id, op, args } and { op: 'cancel', id }
//   out: { id, kind: 'progress' | 'done' | 'error', data | message }
// Typed arrays in replies are transferred, not copied.

/** Posts `data` for request `id`, moving its typed arrays' buffers to the main thread. */
export function post(id, kind, data) {
  const transfer = [];
  const collect = (value) => {
    if (ArrayBuffer.isView(value)) {
      if (!transfer.includes(value.buffer)) transfer.push(value.buffer);
    } else if (value && typeof value === 'object') {
      Object.values(value).forEach(collect);
    }
  };
  collect(data);
  const worker = /** @type {{ postMessage(message: any, transfer: Transferable[]): void }} */ (
    /** @type {unknown} */ (self)
  );
  worker.postMessage({ id, kind, data }, transfer);
}

/** Resolves after the event loop has run, so that 'cancel' messages are read. */
export const yieldNow = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Answers the messages of client.js with the operations of `ops`. */
export function serveOps(ops) {
  const cancelled = new Set();
  self.addEventListener('message', async ({ data: { id, op, args } }) => {
    if (op === 'cancel') {
      cancelled.add(id);
      return;
    }
    const job = {
      id,
      progress: (data) => post(id, 'progress', data),
      cancelled: () => cancelled.has(id),
    };
    try {
      if (!Object.hasOwn(ops, op)) throw new Error(`unknown request ${op}`);
      post(id, 'done', await ops[op](args ?? {}, job));
    } catch (error) {
      self.postMessage({ id, kind: 'error', message: error?.message ?? String(error) });
    } finally {
      cancelled.delete(id);
    }
  });
}
