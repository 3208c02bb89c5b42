import type { Locator, Page } from 'playwright-core';
import { waitFor } from '../../kit/poll.js';

/**
 * Page object of the tag explorer and the Details pane (UI.md S5, S6; STYLE §15): what a
 * user does there, by role and label.
 */
export class ExplorerPage {
  constructor(readonly page: Page) {}

  /** Explorer pane `n` (0 = left / only). */
  pane(n: number): Locator {
    return this.page.getByRole('main').getByRole('region').nth(n);
  }

  /** Ctrl+\: the explorer split in two (from another screen it opens split). */
  async toggleSplit(): Promise<void> {
    await this.page.keyboard.press('Control+\\');
  }

  /** Opens `repository` in pane `n` by typing it, with the account shown as `account`. */
  async openRepository(n: number, account: RegExp, repository: string): Promise<void> {
    const pane = this.pane(n);
    await pane.getByRole('button', { name: /Account/ }).click();
    await this.page.getByRole('option', { name: account }).click();
    await pane.getByLabel('Repository').fill(repository);
    await pane.getByRole('button', { name: 'Open' }).click();
    await this.grid(n).waitFor();
  }

  /** The tag grid of pane `n`. */
  grid(n = 0): Locator {
    return this.pane(n).getByRole('grid');
  }

  /** The row of `tag` in pane `n` (if drawn: the grid is virtual). */
  row(tag: string, n = 0): Locator {
    return this.grid(n)
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: tag, exact: true }) });
  }

  /** Clicks `tag`'s name, as a user selects a row (its middle may hold a button). */
  async clickTag(tag: string, n = 0, modifiers?: ('Shift' | 'Control')[]): Promise<void> {
    await this.row(tag, n).getByRole('rowheader').click({ modifiers });
  }

  /** The tags drawn now in pane `n`, top to bottom (the focused row may be drawn off-screen). */
  async drawnTags(n = 0): Promise<string[]> {
    const rows = await this.grid(n)
      .locator('[role=row][data-index]')
      .evaluateAll((els) =>
        els
          .map((el) => ({
            i: Number(el.getAttribute('data-index')),
            tag: el.querySelector('[role=rowheader]')?.textContent ?? '',
          }))
          .sort((a, b) => a.i - b.i),
      );
    return rows.map((r) => r.tag);
  }

  /** Waits until the first drawn tag of pane `n` is `tag` (after a sort or filter). */
  async waitForFirstTag(tag: string, n = 0): Promise<void> {
    let seen: string | undefined;
    await waitFor(async () => (seen = (await this.drawnTags(n))[0]) === tag, {
      timeoutMs: 15_000,
      intervalMs: 50,
      what: () => `first tag ${tag}, saw ${seen}`,
    });
  }

  /** The column header button that sorts by `name`. */
  sortButton(name: string, n = 0): Locator {
    return this.grid(n).getByRole('columnheader').getByRole('button', { name, exact: true });
  }

  /** The `aria-sort` of column `name`. */
  async sortState(name: string, n = 0): Promise<string | null> {
    return this.grid(n)
      .getByRole('columnheader')
      .filter({ has: this.page.getByRole('button', { name, exact: true }) })
      .getAttribute('aria-sort');
  }

  /** The filter field of pane `n`. */
  filter(n = 0): Locator {
    return this.pane(n).getByRole('searchbox', { name: 'Filter tags' });
  }

  /** "312 of 10,000 tags" of pane `n`. */
  count(n = 0): Locator {
    return this.pane(n)
      .getByRole('status')
      .filter({ hasText: /tags?$/ });
  }

  /** The row that has the keyboard focus. */
  focusedRow(): Locator {
    return this.page.locator('[role=row]:focus');
  }

  /** Waits until the row with the keyboard focus is `tag`'s. */
  async waitForFocusedTag(tag: string): Promise<void> {
    let seen: string | null = null;
    await waitFor(
      async () => {
        const row = this.focusedRow().getByRole('rowheader');
        seen = (await row.count()) === 1 ? await row.textContent() : null;
        return seen === tag;
      },
      { timeoutMs: 15_000, intervalMs: 50, what: () => `focus on ${tag}, saw ${seen}` },
    );
  }

  /** The Details pane. */
  details(): Locator {
    return this.page.getByRole('complementary', { name: 'Details' });
  }

  /** Opens the Details tab `name`. */
  async detailsTab(name: 'Summary' | 'SIF' | 'Manifest' | 'Config'): Promise<Locator> {
    await this.details().getByRole('tab', { name }).click();
    return this.details().getByRole('tabpanel');
  }
}
