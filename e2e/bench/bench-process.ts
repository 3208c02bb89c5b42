/**
 * Process and timing helpers of the transfer bench (`run.ts`): log lines, child processes with a
 * wall-clock time and a hard timeout, and the formatting of a measurement's runs.
 */
import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

/** Hard limit of one transfer, curl or child process, in milliseconds. */
export const OP_TIMEOUT_MS = 120_000;
/** The repository's root directory (where `bin/`, `dist/` and `main/` are). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Writes one progress line to stderr (stdout is kept for the table). */
export function log(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

/** What a finished process printed, and how long it ran. */
export interface ProcessResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
}

/** Runs a command to completion, timing its wall clock; rejects on a non-zero exit. */
export function runProcess(
  command: string,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<ProcessResult> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(command, [...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.env ? { env: options.env } : {}),
      ...(options.cwd ? { cwd: options.cwd } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), OP_TIMEOUT_MS);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      const seconds = (performance.now() - started) / 1000;
      if (code === 0) resolvePromise({ stdout, stderr, seconds });
      else
        reject(
          new Error(
            `${command} ${args.join(' ')} exited with ${code ?? signal}: ${stderr.trim().slice(-500)}`,
          ),
        );
    });
  });
}

/** Runs `fn` and returns its value with its wall-clock time in seconds. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const started = performance.now();
  const value = await fn();
  return { value, seconds: (performance.now() - started) / 1000 };
}

/**
 * Flushes dirty pages to disk (`sync`), so the writeback of gigabytes just uploaded does not
 * land on whichever side of the next measurement happens to run first.
 */
export async function settleDisk(): Promise<void> {
  await runProcess('sync', []);
}

/**
 * `runs` rounds of Sifport against curl, each round running both back to back and
 * alternating who goes first, so a drift in the machine's speed hits both sides. Logs one
 * line per round as `what round N: …`. Returns the seconds of each side, round by round.
 */
export async function alternatingRounds(
  what: string,
  runs: number,
  sifport: (round: number) => Promise<number>,
  curl: (round: number) => Promise<number>,
): Promise<{ sifport: number[]; curl: number[] }> {
  const result = { sifport: [] as number[], curl: [] as number[] };
  for (let round = 1; round <= runs; round++) {
    if (round % 2 === 1) {
      result.sifport.push(await sifport(round));
      result.curl.push(await curl(round));
    } else {
      result.curl.push(await curl(round));
      result.sifport.push(await sifport(round));
    }
    log(
      `${what} round ${round}: sifport ${result.sifport.at(-1)!.toFixed(2)} s, curl ${result.curl.at(-1)!.toFixed(2)} s`,
    );
  }
  return result;
}
