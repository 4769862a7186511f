// Named jobs on the workers: a new job of a name cancels the one before it, a job may show a
// progress bar (with its Cancel button), and its failure becomes a message of its name.

/**
 * createRunner({ progress, say(name, text | null), isCurrent(g), onBar() }) -> { run, cancel }.
 * run(name, args, { on: client, g, onProgress(data, bar), task }) resolves to the job's result,
 * or null when it was cancelled, failed, or belongs to an older model (isCurrent(g) is false);
 * with `task` (a label, or a function giving it) it shows a progress bar so labelled (and calls
 * onBar, since the bar shows one task at a time). cancel(name) cancels the running job of that name.
 */
export function createRunner({ progress, say, isCurrent, onBar }) {
  const jobs = {};
  const cancel = (name) => jobs[name]?.cancel();

  const run = async (name, args, { on, g, onProgress, task }) => {
    cancel(name);
    let bar = null;
    const job = on.request(name, args, { onProgress: (d) => isCurrent(g) && onProgress?.(d, bar) });
    jobs[name] = job;
    if (task) {
      bar = progress.begin(task, { onCancel: job.cancel });
      onBar();
    }
    try {
      const result = await job.promise;
      say(name, null);
      return isCurrent(g) && !result.cancelled ? result : null;
    } catch (error) {
      if (isCurrent(g)) say(name, error.message);
      return null;
    } finally {
      if (jobs[name] === job) jobs[name] = null;
      bar?.end();
    }
  };
  return { run, cancel };
}
