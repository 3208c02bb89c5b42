import { spawn } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** The checkout's root. */
export const repoRoot = new URL('../../', import.meta.url).pathname;

/** Where `npm run build:web` (vite) puts the renderer. */
export const webBuildDir = join(repoRoot, 'dist-web');

/** Newest modification time (ms) of any file under `dir` (test files included). */
export async function newestMtime(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    newest = Math.max(newest, (await stat(join(entry.parentPath, entry.name))).mtimeMs);
  }
  return newest;
}

/**
 * Makes sure `dist-web/` holds a build of the current renderer: builds it with `npx vite
 * build` when it is missing or older than any source the page bundles (renderer, shared,
 * preload), so a stale build never makes the browser tests lie.
 */
export async function ensureWebBuild(): Promise<void> {
  const built = await stat(join(webBuildDir, 'index.html')).catch(() => undefined);
  if (built) {
    const sources = await Promise.all(
      ['renderer', 'shared', 'preload'].map((d) => newestMtime(join(repoRoot, d))),
    );
    if (Math.max(...sources) <= built.mtimeMs) return;
  }
  const code = await new Promise<number>((resolve) => {
    const child = spawn('npx', ['vite', 'build', '--logLevel', 'warn'], {
      cwd: repoRoot,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('exit', (status) => resolve(status ?? 1));
  });
  if (code !== 0) throw new Error(`npx vite build exited with ${code}`);
}
