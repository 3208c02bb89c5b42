import type { CDPSession, Page } from 'playwright-core';

/** How busy the page's main thread was over a stretch of time. */
export interface PageLoad {
  readonly seconds: number;
  /** Main-thread task time over wall time (Chromium's `TaskDuration`), 0–1. */
  readonly busy: number;
  /**
   * Main-thread CPU time over wall time (`ThreadTime`), 0–1: the same work without the time
   * the thread waited for a core (on a 2-core machine the transfer itself competes for them).
   */
  readonly cpu: number;
  /** Long tasks (> 50 ms) the page observed, their total and the longest, in ms. */
  readonly longTasks: number;
  readonly longTaskMs: number;
  readonly longestTaskMs: number;
}

/**
 * The in-page long-task observer, started once. Plain source text (`evaluate` of a string),
 * so no build helper of this file leaks into the page, whose CSP refuses added scripts anyway.
 */
const PROBE = `(() => {
  if (globalThis.__sifportLongTasks) return;
  const tasks = [];
  globalThis.__sifportLongTasks = tasks;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push(entry.duration);
  }).observe({ type: 'longtask' });
})()`;

/** Empties the long-task list and returns what it held. */
const DRAIN = `globalThis.__sifportLongTasks.splice(0)`;

async function clocks(cdp: CDPSession): Promise<{ task: number; thread: number; at: number }> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  return { task: value('TaskDuration'), thread: value('ThreadTime'), at: value('Timestamp') };
}

/**
 * Measures the page's main thread while `during` runs: Chromium's own task time and CPU time
 * (CDP `Performance.getMetrics`, before and after) over the wall time, and the long tasks the
 * page observed.
 */
export async function measureLoad(page: Page, during: () => Promise<void>): Promise<PageLoad> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
    await page.evaluate(PROBE);
    await page.evaluate(DRAIN);
    const before = await clocks(cdp);
    await during();
    const after = await clocks(cdp);
    const tasks = (await page.evaluate(DRAIN)) as number[];
    const seconds = after.at - before.at;
    const share = (a: number, b: number) => (seconds > 0 ? (b - a) / seconds : 0);
    return {
      seconds,
      busy: share(before.task, after.task),
      cpu: share(before.thread, after.thread),
      longTasks: tasks.length,
      longTaskMs: tasks.reduce((a, b) => a + b, 0),
      longestTaskMs: Math.max(0, ...tasks),
    };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
