import type { Locator, Page } from 'playwright-core';

import { waitFor } from '../kit/poll.js';

/** Waits until `locator`'s text matches `pattern`; returns that text. */
export async function waitForText(
  locator: Locator,
  pattern: RegExp,
  timeoutMs = 30_000,
): Promise<string> {
  let last = '';
  await waitFor(
    async () => {
      last = (await locator.textContent({ timeout: 1_000 }).catch(() => null)) ?? '';
      return pattern.test(last);
    },
    {
      timeoutMs,
      intervalMs: 100,
      what: () => `${String(pattern)}; last text: ${JSON.stringify(last)}`,
    },
  );
  return last;
}

/**
 * Page object for tests that start their own host and browser (desktop client path, loopback
 * security): opening the window and its not-connected screen. The window's areas have their
 * own page objects in `pages/`, used with the harness's `openWindow`.
 */
export class SifportPage {
  constructor(readonly page: Page) {}

  /** Opens the window and waits until React has drawn it. */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page
      .getByRole('heading', { name: 'Sifport', level: 1 })
      .waitFor({ state: 'attached' });
  }

  /** The "not connected" screen, shown when the page found no host. */
  notConnected(): Locator {
    return this.page.getByRole('heading', { name: /Not connected/ });
  }
}
