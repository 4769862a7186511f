// dist/ as a reader gets it from a plain static host: Python's http.server (no FlowLab logic at
// all) serving dist/ under a sub-path, as on a project page. Bounded lifetime; stopped by its pid.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DIST = resolve(fileURLToPath(import.meta.url), '..', '..', '..', 'dist');
export const SUB_PATH = '/some/sub/path/';

/** Starts `python3 -m http.server` with dist/ at SUB_PATH; resolves to { url, close }. */
export async function serveDist({ maxSeconds = 600 } = {}) {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ is missing: run make dist');
  const site = mkdtempSync(join(tmpdir(), 'flowlab-site-'));
  const mount = join(site, SUB_PATH);
  mkdirSync(dirname(mount.replace(/\/$/, '')), { recursive: true });
  symlinkSync(DIST, mount.replace(/\/$/, ''));
  const python = spawn('timeout', [String(maxSeconds), 'python3', '-u', '-m', 'http.server', '0', '--bind', '127.0.0.1'], {
    cwd: site,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const port = await new Promise((done, fail) => {
    let out = '';
    python.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /port (\d+)/.exec(out);
      if (match) done(Number(match[1]));
    });
    python.once('exit', (code) => fail(new Error(`http.server exited (${code}): ${out}`)));
  });
  const close = () => {
    python.kill();
    rmSync(site, { recursive: true, force: true });
  };
  return { url: `http://127.0.0.1:${port}${SUB_PATH}`, close };
}
