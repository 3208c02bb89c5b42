import { spawn } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ensureWebBuild, newestMtime, repoRoot } from '../web/web-build.js';

/** The built main process (`package.json` `main`) and preload, what Electron would load. */
export const BUILT_MAIN = join(repoRoot, 'dist', 'main', 'index.js');
export const BUILT_PRELOAD = join(repoRoot, 'dist', 'preload', 'index.cjs');

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`)),
    );
  });
}

/**
 * Makes sure the built shell is current (`npm run build`'s node and preload steps), so the
 * stand-in tests exercise what would ship, never a stale build.
 */
export async function ensureShellBuild(): Promise<void> {
  await ensureWebBuild();
  const built = await Promise.all(
    [BUILT_MAIN, BUILT_PRELOAD].map((f) => stat(f).catch(() => undefined)),
  );
  const oldest = Math.min(...built.map((s) => s?.mtimeMs ?? 0));
  const sources = Math.max(
    ...(await Promise.all(
      ['main', 'shared', 'preload'].map((d) => newestMtime(join(repoRoot, d))),
    )),
  );
  if (oldest >= sources) return;
  await run('npx', ['tsc', '-p', 'tsconfig.node.json']);
  await run('npx', [
    'esbuild',
    'preload/index.ts',
    '--bundle',
    '--platform=node',
    '--format=cjs',
    '--external:electron',
    '--minify',
    `--outfile=${BUILT_PRELOAD}`,
    '--log-level=warning',
  ]);
}
