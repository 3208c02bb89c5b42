import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

/** How to run one test-bed service (a registry or the token server). */
export interface ServiceSpec {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  /** stdout and stderr are appended here. */
  readonly logFile: string;
  /** Receives the pid, so `testbed-cli.ts stop` can find the process later. */
  readonly pidFile: string;
  /**
   * true: own session, not waited for (`unref`), survives this process (testbed-cli start).
   * false: killed when this process exits, so tests leave nothing behind.
   */
  readonly detached: boolean;
}

/** A launched service. */
export interface ServiceProcess {
  readonly name: string;
  readonly pid: number;
  readonly logFile: string;
  /** Resolves when the process has ended. */
  readonly exited: Promise<void>;
  hasExited(): boolean;
  /** SIGTERM, then SIGKILL after 5 s; removes the pid file. */
  stop(): Promise<void>;
}

const attached = new Set<ChildProcess>();
let exitHookInstalled = false;

function killAttachedOnExit(child: ChildProcess): void {
  attached.add(child);
  child.once('exit', () => attached.delete(child));
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // 'exit' handlers must be synchronous; kill() is.
  process.once('exit', () => {
    for (const c of attached) c.kill('SIGKILL');
  });
}

/** The last `count` lines of a log file ('' if it cannot be read). */
export async function tailFile(file: string, count: number): Promise<string> {
  try {
    const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
    return lines.slice(-count).join('\n');
  } catch {
    return '';
  }
}

/** Starts a service with its output in its log file and its pid in its pid file. */
export async function launchService(spec: ServiceSpec): Promise<ServiceProcess> {
  const log = openSync(spec.logFile, 'a');
  let child: ChildProcess;
  try {
    child = spawn(spec.command, [...spec.args], {
      stdio: ['ignore', log, log],
      detached: spec.detached,
    });
  } finally {
    closeSync(log);
  }
  const pid = child.pid;
  if (pid === undefined) {
    const error = await new Promise<Error>((resolve) => child.once('error', resolve));
    throw new Error(`${spec.name}: cannot start ${spec.command}: ${error.message}`);
  }
  let done = false;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      done = true;
      resolve();
    }),
  );
  if (spec.detached) child.unref();
  else killAttachedOnExit(child);
  await writeFile(spec.pidFile, `${pid}\n`);
  return {
    name: spec.name,
    pid,
    logFile: spec.logFile,
    exited,
    hasExited: () => done,
    async stop() {
      if (!done) {
        child.kill('SIGTERM');
        const timer = new AbortController();
        const timedOut = await Promise.race([
          exited.then(() => false),
          sleep(5000, true, { signal: timer.signal }).catch(() => false),
        ]);
        timer.abort(); // do not keep this process alive for the rest of the grace period
        if (timedOut) {
          child.kill('SIGKILL');
          await exited;
        }
      }
      await rm(spec.pidFile, { force: true });
    },
  };
}

/**
 * Polls `probe` every 50 ms until it returns true. Fails early, quoting the last log lines,
 * when the service dies, and after `timeoutMs` (default 15 s) otherwise.
 */
export async function waitUntilReady(
  service: ServiceProcess,
  probe: () => Promise<boolean>,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (service.hasExited()) {
      const tail = await tailFile(service.logFile, 20);
      throw new Error(`${service.name} exited during startup; last log lines:\n${tail}`);
    }
    if (await probe().catch(() => false)) return;
    if (Date.now() > deadline) {
      const tail = await tailFile(service.logFile, 20);
      throw new Error(`${service.name} not ready after ${timeoutMs} ms; last log lines:\n${tail}`);
    }
    await sleep(50);
  }
}
