// A worker that reads a CSV file of points (kit/csv.js) off the main thread, so that a file of
// 10^6 rows or 50 MB leaves the page responsive. Protocol of worker-loop.js:
//   read { file: Blob, options } -> { points, errors, notes }, with progress { done, total } (bytes)
import { readPointsStream } from './csv.js';
import { serveOps } from './worker-loop.js';

const PROGRESS_MS = 100; // at most ten progress messages a second

serveOps({
  read({ file, options }, job) {
    let last = 0;
    const onProgress = (done) => {
      const now = performance.now();
      if (now - last < PROGRESS_MS) return;
      last = now;
      job.progress({ done, total: file.size });
    };
    return readPointsStream(file.stream(), { ...options, onProgress, cancelled: job.cancelled });
  },
});
