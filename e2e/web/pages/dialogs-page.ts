import type { Locator, Page } from 'playwright-core';

/**
 * The S8 dialogs (Pull, Copy to…, Delete) as a user drives them: opened from the command
 * palette with a pasted `oras://` reference or from the explorer, filled by label, confirmed
 * with their buttons; and the transfers drawer rows they start.
 */
export class DialogsPage {
  constructor(readonly page: Page) {}

  /** Pastes `reference` into the palette (Ctrl+K) and runs its `action` entry ("Pull", "Copy"). */
  async fromPalette(reference: string, action: 'Pull' | 'Copy'): Promise<void> {
    await this.page.keyboard.press('Control+K');
    await this.page.getByRole('textbox', { name: 'Search or run a command' }).fill(reference);
    await this.page.getByRole('menuitem', { name: new RegExp(`^${action}\\b`) }).click();
    await this.dialog().waitFor();
  }

  /** Opens `repository` in the explorer through the palette ("Open REPO") from a reference. */
  async openRepository(reference: string, repository: string): Promise<void> {
    await this.page.keyboard.press('Control+K');
    await this.page.getByRole('textbox', { name: 'Search or run a command' }).fill(reference);
    await this.page.getByRole('menuitem', { name: new RegExp(`^Open ${repository}`) }).click();
    await this.page.getByRole('grid').waitFor();
  }

  /** The grid's row header of `tag`. */
  rowHeader(tag: string): Locator {
    return this.page.getByRole('grid').getByRole('rowheader', { name: tag, exact: true });
  }

  /** Runs one entry of a tag row's "More actions" menu ("Delete…", "Copy to…"). */
  async rowAction(tag: string, action: string): Promise<void> {
    await this.rowHeader(tag).waitFor();
    await this.page.getByRole('button', { name: `More actions for ${tag}` }).click();
    await this.page.getByRole('menuitem', { name: action }).click();
    await this.dialog().waitFor();
  }

  /** The open dialog (Pull, Copy) or alert dialog (Delete). */
  dialog(): Locator {
    return this.page
      .locator('[role=dialog], [role=alertdialog]')
      .filter({ has: this.page.getByRole('heading') })
      .last();
  }

  /** Pull: types the folder (the browser mode has no folder chooser) and waits for its space. */
  async pullInto(folder: string): Promise<void> {
    await this.dialog().getByLabel('Folder').fill(folder);
    await this.spaceLine().waitFor();
  }

  /** Pull: "Space: needs … · … free". */
  spaceLine(): Locator {
    return this.dialog().getByText(/^Space: needs/);
  }

  /**
   * Pull: makes sure "Verify signatures after pull" is ticked (the dialog remembers it from
   * the last pull) and picks the signer; without one, any key in the keyring will do.
   */
  async verifyWith(signer?: string): Promise<void> {
    const box = this.dialog().getByRole('checkbox', { name: /Verify signatures after pull/ });
    if (!(await box.isChecked()))
      await this.dialog().getByText('Verify signatures after pull').click();
    if (signer === undefined) return;
    await this.dialog()
      .getByRole('button', { name: /Signed by/ })
      .click();
    await this.page.getByRole('option', { name: new RegExp(signer) }).click();
  }

  /** Presses the dialog's primary button (`Pull`, `Copy`, `Delete …`) and waits for it to close. */
  async confirm(name: string | RegExp): Promise<void> {
    await this.dialog()
      .getByRole('button', { name, exact: typeof name === 'string' })
      .click();
    await this.dialog().waitFor({ state: 'detached' });
  }

  /** Copy: chooses the target account by the text of its option (`tester @ 127.0.0.1:5002`). */
  async copyTo(account: string, repository: string, tag: string): Promise<void> {
    await this.dialog()
      .getByRole('button', { name: /Account/ })
      .click();
    await this.page.getByRole('option', { name: account }).click();
    await this.dialog().getByRole('combobox', { name: 'Repository' }).fill(repository);
    await this.dialog().getByRole('textbox', { name: 'Tag' }).fill(tag);
  }

  /** The mode line of the Copy dialog ("Streams 37.2 KiB through this machine"). */
  copyMode(): Locator {
    return this.dialog()
      .getByRole('status')
      .filter({ hasText: /Streams|Server-side mount|Adds a tag/ });
  }

  /** Delete: what will go, one entry per digest. */
  deleteList(): Locator {
    return this.dialog().getByRole('list', { name: 'What will be deleted' });
  }

  /** Delete: types the confirmation the dialog asks for. */
  async typeConfirmation(text: string): Promise<void> {
    await this.dialog()
      .getByLabel(/^Type .* to confirm$/)
      .fill(text);
  }

  /** The transfers drawer's row whose label mentions `text`. */
  transfer(text: string | RegExp): Locator {
    return this.page
      .getByRole('region', { name: 'Transfers' })
      .getByRole('listitem')
      .filter({ hasText: text });
  }
}
