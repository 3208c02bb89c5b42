import { isAbsolute, resolve } from 'node:path';

/**
 * The `.sif` files named on a command line (the app opened with files, or a second instance
 * started with them), made absolute against `cwd`. Flags and the app's own path are skipped.
 */
export function sifFilesIn(argv: readonly string[], cwd: string): string[] {
  return argv
    .filter((arg) => !arg.startsWith('-') && arg.toLowerCase().endsWith('.sif'))
    .map((arg) => (isAbsolute(arg) ? arg : resolve(cwd, arg)));
}
