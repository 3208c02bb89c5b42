import type { Locator, Page } from 'playwright-core';

/** Page object of Settings (UI.md S13): what a user does there, by role and label. */
export class SettingsPage {
  constructor(readonly page: Page) {}

  /** Opens Settings with its shortcut and waits for it. */
  async open(): Promise<void> {
    await this.page.keyboard.press('Control+,');
    await this.heading().waitFor();
  }

  heading(): Locator {
    return this.page.getByRole('main').getByRole('heading', { name: 'Settings', level: 2 });
  }

  /** Shows a section (Appearance, Transfers, Accounts & secrets…). */
  async section(name: string): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
    await this.page.getByRole('heading', { name, level: 3 }).waitFor();
  }

  /** A choice of a radio group by the start of its label ("Dark", "Comfortable", "Decimal"). */
  choice(label: string): Locator {
    return this.page.getByRole('radio', { name: new RegExp(`^${label}`) });
  }

  /** Chooses by clicking the choice's label, as a user does (the input itself is hidden). */
  async choose(label: string): Promise<void> {
    await this.page
      .locator('label')
      .filter({ has: this.choice(label) })
      .click();
  }

  /** A drop-down list's button, which shows its current value. */
  dropDown(label: string): Locator {
    return this.page.getByRole('button', { name: new RegExp(label) });
  }

  /** Picks `option` in the drop-down list labelled `label`. */
  async pick(label: string, option: string): Promise<void> {
    await this.dropDown(label).click();
    await this.page.getByRole('option', { name: option }).click();
  }

  pullFolder(): Locator {
    return this.page.getByLabel('Default pull folder');
  }

  /** Types a pull folder and saves it the way a user would, with Enter. */
  async setPullFolder(path: string): Promise<void> {
    await this.pullFolder().fill(path);
    await this.pullFolder().press('Enter');
  }

  /** The banner of a change the host refused. */
  saveError(): Locator {
    return this.page.getByRole('alert').filter({ hasText: 'not saved' });
  }
}
