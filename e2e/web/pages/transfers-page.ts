import type { Locator, Page } from 'playwright-core';

/**
 * Page object of the transfers drawer and the status bar (UI.md S9, S10): what a user reads
 * and presses there, by role and label.
 */
export class TransfersPage {
  constructor(readonly page: Page) {}

  drawer(): Locator {
    return this.page.getByRole('region', { name: 'Transfers' });
  }

  /** The drawer's row whose label mentions `text`. */
  row(text: string): Locator {
    return this.drawer().getByRole('listitem').filter({ hasText: text });
  }

  /** The drawer's tab named `name` ("Failed 1"). */
  tab(name: string): Locator {
    return this.drawer().getByRole('tab', { name: new RegExp(`^${name}`) });
  }

  /** Presses the row's Cancel. */
  async cancel(row: Locator): Promise<void> {
    await row.getByRole('button', { name: 'Cancel' }).click();
  }

  statusBar(): Locator {
    return this.page.getByRole('contentinfo');
  }

  /** The status bar's transfer aggregate (it shows and hides the drawer). */
  summary(): Locator {
    return this.statusBar().getByRole('button', { name: /(Show|Hide) transfers\.$/ });
  }

  /** The 3-px bar above the status bar while the drawer is closed. */
  aggregateBar(): Locator {
    return this.page.getByRole('progressbar', { name: 'All running transfers' });
  }

  bell(): Locator {
    return this.statusBar().getByRole('button', { name: /^Notifications/ });
  }

  /** The bell's popover. */
  notices(): Locator {
    return this.page.getByRole('dialog', { name: 'Notifications' });
  }

  /** Toggles the drawer with Ctrl+J. */
  async toggleWithKeyboard(): Promise<void> {
    await this.page.keyboard.press('Control+j');
  }
}
