import { execFileSync } from 'node:child_process';

/**
 * True when `command` runs (e.g. `siftool`, `mksquashfs`, `go`), so tests that need a tool
 * outside Node can skip with a reason instead of failing where it is not installed. A command
 * that runs but exits non-zero for `args` still counts as present.
 */
export function hasCommand(command: string, args: readonly string[] = ['--help']): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}
