import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from '../web-build.js';
import { seriousViolations } from './axe.js';

/** Where the suite keeps the screenshots of each screen, shown in the README. */
export const SCREENSHOT_DIR = join(repoRoot, 'e2e', 'screenshots');

/** Waits until the window shows `scheme` (its theme setting must be "system") and has painted. */
async function showing(page: Page, scheme: 'light' | 'dark'): Promise<void> {
  await page.locator(`html[data-theme=${scheme}]`).waitFor({ state: 'attached', timeout: 5_000 });
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
}

/**
 * Saves `name-light.png` and `name-dark.png` of what the page shows now (the window follows
 * the system theme, emulated here), and checks each with axe: no violation of serious or
 * critical impact may remain (UI.md §5). Leaves the page in the light scheme.
 */
export async function checkScreen(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  for (const scheme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await showing(page, scheme);
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-${scheme}.png`) });
    const violations = await seriousViolations(page);
    assert.deepEqual(
      violations,
      [],
      `axe on "${name}" (${scheme}): ${JSON.stringify(violations, null, 1)}`,
    );
  }
}
