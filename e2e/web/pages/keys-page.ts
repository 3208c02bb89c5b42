import type { Download, Locator, Page } from 'playwright-core';

/**
 * The Keys screen (S12) as a user drives it: opened from the palette, New key pair…,
 * Import… with its preview, a key's actions menu (Export public key, Remove…).
 */
export class KeysPage {
  constructor(readonly page: Page) {}

  /** Opens Keys through the palette (its "Keys" screen entry). */
  async open(): Promise<void> {
    await this.page.keyboard.press('Control+K');
    await this.page.getByRole('textbox', { name: 'Search or run a command' }).fill('keys');
    await this.page.getByRole('menuitem', { name: /^Keys/ }).click();
    await this.page.getByRole('heading', { name: 'Keys', exact: true, level: 2 }).waitFor();
  }

  /** The keyring's table. */
  table(): Locator {
    return this.page.getByRole('table', { name: 'Keys in your keyring' });
  }

  /** The table's row of the key named `name`. */
  row(name: string): Locator {
    return this.table().getByRole('row').filter({ hasText: name });
  }

  /** The open sheet (dialog or alert dialog). */
  sheet(): Locator {
    return this.page.locator('[role=dialog], [role=alertdialog]').last();
  }

  /** Opens "New key pair…" (from the header or the empty state). */
  async openNewPair(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'New key pair…' }).first().click();
    await this.sheet().waitFor();
    return this.sheet();
  }

  /** Fills the new key pair form; `again` defaults to the passphrase. */
  async fillNewPair(name: string, email: string, passphrase: string, again = passphrase) {
    const sheet = this.sheet();
    await sheet.getByLabel('Name').fill(name);
    await sheet.getByLabel('E-mail (optional)').fill(email);
    await sheet.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await sheet.getByLabel('Passphrase again').fill(again);
  }

  /** Import…: pastes `armour`, asks for the preview, and answers the preview's list. */
  async previewImport(armour: string): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Import…' }).first().click();
    const sheet = this.sheet();
    await sheet.getByLabel('Key armour').fill(armour);
    await sheet.getByRole('button', { name: 'Preview' }).click();
    const list = sheet.getByRole('list', { name: 'Keys to import' });
    await list.waitFor();
    return list;
  }

  /** Runs one entry of a key's actions menu. */
  async keyAction(name: string, action: string): Promise<void> {
    await this.row(name)
      .getByRole('button', { name: `Actions for ${name}` })
      .click();
    await this.page.getByRole('menuitem', { name: action }).click();
  }

  /** Export public key of `name`, answering the download it starts. */
  async exportPublic(name: string): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.keyAction(name, 'Export public key');
    return download;
  }
}
