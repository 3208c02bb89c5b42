import { readFile } from 'node:fs/promises';
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

/** Page object of the Sifport window (STYLE §15): what a user does, by role and label. */
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

  /** Pushes a file by typing its path, as a browser without file paths must. */
  async push(file: string, reference: string): Promise<void> {
    await this.page.getByLabel('Push to').fill(reference);
    await this.page.getByLabel('File path').fill(file);
    await this.page.getByRole('button', { name: 'Push', exact: true }).click();
  }

  /**
   * Drops a real file on the push form's drop zone, as a user dragging it from the file
   * manager would: a `DataTransfer` holding the file's bytes (the page sees no path).
   */
  async dropFile(path: string, name: string): Promise<void> {
    const bytes = [...(await readFile(path))];
    const transfer = await this.page.evaluateHandle(
      ({ bytes, name }) => {
        // Runs in the page; the Node-side type check knows no DOM.
        const page = globalThis as unknown as {
          DataTransfer: new () => { items: { add(file: unknown): void } };
          File: new (parts: unknown[], name: string) => unknown;
        };
        const data = new page.DataTransfer();
        data.items.add(new page.File([new Uint8Array(bytes)], name));
        return data;
      },
      { bytes, name },
    );
    await this.page.getByLabel('drop zone').dispatchEvent('drop', { dataTransfer: transfer });
  }

  /** The push form's error, if any. */
  pushError(): Locator {
    return this.page.getByRole('region', { name: 'Push' }).getByRole('alert');
  }

  /** The row of the transfer whose label mentions `text`. */
  transfer(text: string): Locator {
    return this.page
      .getByRole('list', { name: 'transfers' })
      .getByRole('listitem')
      .filter({ hasText: text });
  }

  /** Lists the tags of `repository` in the explorer. */
  async listTags(repository: string): Promise<void> {
    await this.page.getByLabel('Repository').fill(repository);
    await this.page.getByRole('button', { name: 'List tags' }).click();
  }

  /** The tags the explorer shows. */
  tags(): Locator {
    return this.page.getByRole('list', { name: 'tags' });
  }

  /** The explorer's error, if any. */
  tagsError(): Locator {
    return this.page.getByRole('region', { name: 'Tags' }).getByRole('alert');
  }
}
