import { readdir, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** What happened to one recorded pid. */
export interface StopOutcome {
  readonly name: string;
  readonly pid: number;
  /** `foreign`: the pid now belongs to a process that does not mention the bed's directory. */
  readonly outcome: 'stopped' | 'killed' | 'not-running' | 'foreign';
}

/** True while the pid names a live, non-zombie process. */
export async function isRunning(pid: number): Promise<boolean> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Field 3 (after the parenthesised command name) is the state; Z = zombie.
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

async function mentions(pid: number, dir: string): Promise<boolean> {
  try {
    const cmdline = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0').join(' ');
    return cmdline.includes(dir);
  } catch {
    return false;
  }
}

async function waitGone(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!(await isRunning(pid))) return true;
    await sleep(50);
  }
  return !(await isRunning(pid));
}

async function stopOne(name: string, pid: number, dir: string): Promise<StopOutcome> {
  if (!(await isRunning(pid))) return { name, pid, outcome: 'not-running' };
  // A recycled pid must never be signalled: every service's command line names a file in dir.
  if (!(await mentions(pid, dir))) return { name, pid, outcome: 'foreign' };
  process.kill(pid, 'SIGTERM');
  if (await waitGone(pid, 5000)) return { name, pid, outcome: 'stopped' };
  process.kill(pid, 'SIGKILL');
  await waitGone(pid, 2000);
  return { name, pid, outcome: 'killed' };
}

/**
 * Stops every process recorded in `DIR/run/*.pid` (and only those), after checking that
 * `/proc/PID/cmdline` still mentions DIR; removes the pid files. Used by `testbed-cli.ts stop`.
 */
export async function stopRecordedServices(dir: string): Promise<StopOutcome[]> {
  const root = resolve(dir);
  const runDir = join(root, 'run');
  let entries: string[];
  try {
    entries = await readdir(runDir);
  } catch {
    return [];
  }
  const outcomes: StopOutcome[] = [];
  for (const entry of entries.filter((e) => e.endsWith('.pid')).sort()) {
    const file = join(runDir, entry);
    const pid = Number.parseInt(await readFile(file, 'utf8'), 10);
    if (Number.isInteger(pid) && pid > 1) {
      outcomes.push(await stopOne(entry.slice(0, -'.pid'.length), pid, root));
    }
    await rm(file, { force: true });
  }
  return outcomes;
}

/** Names of recorded services that are still alive (used to refuse a second start). */
export async function runningRecordedServices(dir: string): Promise<string[]> {
  const runDir = join(resolve(dir), 'run');
  const entries = await readdir(runDir).catch(() => [] as string[]);
  const alive: string[] = [];
  for (const entry of entries.filter((e) => e.endsWith('.pid'))) {
    const pid = Number.parseInt(await readFile(join(runDir, entry), 'utf8'), 10);
    if (Number.isInteger(pid) && (await isRunning(pid)) && (await mentions(pid, resolve(dir)))) {
      alive.push(entry.slice(0, -'.pid'.length));
    }
  }
  return alive;
}
