import { readFile } from 'node:fs/promises';
import type { JSHandle, Locator, Page } from 'playwright-core';
import type { RequestOf } from '../../../shared/contract.js';
import { openWindow, type WindowSession } from '../harness/window-session.js';
import { TransfersPage } from './transfers-page.js';

/** A file to drag onto the window: a file on disk under a name, padded with zeros if asked. */
export interface DraggedFile {
  readonly path: string;
  readonly name: string;
  /** Zero bytes appended (a bigger image from a small fixture, for slow transfers). */
  readonly padding?: number;
}

/**
 * Page object of the drop overlay and the push sheet (UI.md S7): what a user does there, by
 * role and label. Dragging is done as a file manager does it: a `DataTransfer` holding the
 * files' bytes, dispatched as dragenter, dragover and drop (the page sees no path).
 */
export class PushPage {
  constructor(readonly page: Page) {}

  /** A `DataTransfer` in the page holding `files`. */
  async transfer(files: readonly DraggedFile[]): Promise<JSHandle> {
    const payload = await Promise.all(
      files.map(async (f) => ({
        name: f.name,
        bytes: [...(await readFile(f.path))],
        padding: f.padding ?? 0,
      })),
    );
    return this.page.evaluateHandle((items) => {
      // Runs in the page; the Node-side type check knows no DOM.
      const page = globalThis as unknown as {
        DataTransfer: new () => { items: { add(file: unknown): void } };
        File: new (parts: unknown[], name: string) => unknown;
      };
      const data = new page.DataTransfer();
      for (const item of items) {
        data.items.add(
          new page.File([new Uint8Array(item.bytes), new Uint8Array(item.padding)], item.name),
        );
      }
      return data;
    }, payload);
  }

  /** Drags `files` over `target` (the window's body by default) without dropping them. */
  async dragOver(files: readonly DraggedFile[], target?: Locator): Promise<JSHandle> {
    const dataTransfer = await this.transfer(files);
    const on = target ?? this.page.locator('body');
    await on.dispatchEvent('dragenter', { dataTransfer });
    await on.dispatchEvent('dragover', { dataTransfer });
    return dataTransfer;
  }

  /** Drags `files` over `target` and drops them there. */
  async drop(files: readonly DraggedFile[], target?: Locator): Promise<void> {
    const dataTransfer = await this.dragOver(files, target);
    await (target ?? this.page.locator('body')).dispatchEvent('drop', { dataTransfer });
  }

  /** The overlay shown while files are dragged over the window (visual only: no role). */
  overlay(): Locator {
    return this.page.getByTestId('drop-overlay');
  }

  /** Ctrl+O, answering the browser's file chooser with `paths`. */
  async chooseWithKeyboard(paths: readonly string[]): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.keyboard.press('Control+o');
    await (await chooser).setFiles([...paths]);
  }

  sheet(): Locator {
    return this.page.getByRole('dialog', { name: /^Push/ });
  }

  /** The row of a file in the sheet. */
  file(name: string): Locator {
    return this.sheet()
      .getByRole('list', { name: 'Files to push' })
      .getByRole('listitem')
      .filter({ hasText: name });
  }

  repository(): Locator {
    return this.sheet().getByRole('combobox', { name: 'Repository' });
  }

  tag(): Locator {
    return this.sheet().getByRole('textbox', { name: 'Tag' });
  }

  /** The `oras://…` reference the picker shows. */
  reference(): Locator {
    return this.sheet().getByTestId('target-reference');
  }

  /** Why Push is disabled (empty when it is not). */
  reason(): Locator {
    return this.sheet().getByTestId('push-reason');
  }

  pushButton(): Locator {
    return this.sheet().getByRole('button', { name: /^Push( \d+)?/ });
  }

  /** Picks the account named `name` ("tester @ 127.0.0.1:5000") in the sheet's Account list. */
  async chooseAccount(name: string): Promise<void> {
    await this.sheet()
      .getByRole('button', { name: /\bAccount\b/ })
      .click();
    await this.page.getByRole('option', { name }).click();
  }

  /** Types a repository path and moves on to the tag (which closes the suggestions). */
  async setRepository(path: string): Promise<void> {
    await this.repository().fill(path);
    await this.repository().press('Tab');
  }

  /** The warning shown when the tag exists already. */
  overwriteWarning(): Locator {
    return this.sheet().getByRole('status').filter({ hasText: 'Overwriting moves the tag' });
  }

  /** Ticks "Sign before push" and gives the passphrase of the (first) key. */
  async signWith(passphrase: string): Promise<void> {
    const box = this.sheet().getByRole('checkbox', { name: /Sign before push/ });
    await this.sheet().getByText('Sign before push').click();
    await box.and(this.page.locator(':checked')).waitFor();
    await this.sheet().getByLabel('Passphrase').fill(passphrase);
  }

  /** Waits until Push can be pressed, then presses Ctrl+Enter (the sheet's primary key). */
  async pushWithKeyboard(): Promise<void> {
    await this.pushButton().and(this.page.locator(':enabled')).waitFor();
    await this.page.keyboard.press('Control+Enter');
  }
}

/** A window for a push test: its session, page and the page objects of push and transfers. */
export interface PushWindow {
  readonly session: WindowSession;
  readonly page: Page;
  readonly push: PushPage;
  readonly transfers: TransfersPage;
}

/**
 * Runs `body` in a fresh window (profile, host, page) with `accounts` saved, keeping a
 * screenshot when it fails (`step` named `name`), then closes it.
 */
export async function inPushWindow(
  name: string,
  accounts: readonly RequestOf<'accounts:add'>[],
  body: (w: PushWindow) => Promise<void>,
): Promise<void> {
  const session = await openWindow({ accounts });
  try {
    const { page } = session;
    await session.step(name, () =>
      body({ session, page, push: new PushPage(page), transfers: new TransfersPage(page) }),
    );
  } finally {
    await session.close();
  }
}
