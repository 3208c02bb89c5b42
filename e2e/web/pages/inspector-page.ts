import type { Locator, Page } from 'playwright-core';

/**
 * The local SIF inspector (S11) and its Sign dialog as a user drives them: Ctrl+Shift+O and
 * the browser's file chooser, the tabs, Verify, Sign… with a key, passphrase and a copy.
 */
export class InspectorPage {
  constructor(readonly page: Page) {}

  /** Ctrl+Shift+O, then picks `file` in the browser's file chooser (browser mode). */
  async inspect(file: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.keyboard.press('Control+Shift+O');
    await (await chooser).setFiles(file);
  }

  /** The inspector's heading: the file's name. */
  heading(name: string): Locator {
    return this.page.getByRole('main').getByRole('heading', { name, level: 2 });
  }

  /** Opens one of the report's tabs ("Definition", "Objects"…). */
  async openTab(name: string): Promise<void> {
    await this.page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
  }

  /** The Definition tab's file view. */
  definition(): Locator {
    return this.page.getByRole('region', { name: 'Definition file' });
  }

  /** The signers line ("Unsigned", "Signed by 1 — SIF Peer Test (in your keyring)"). */
  signers(): Locator {
    return this.page.getByRole('main').getByRole('group', { name: 'Signers' });
  }

  /** Opens the Sign dialog. */
  async openSign(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Sign…' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.waitFor();
    return dialog;
  }

  /** In the Sign dialog: the passphrase, "Sign a copy instead" at `copyTo`, then Sign. */
  async signCopy(passphrase: string, copyTo: string): Promise<void> {
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('Passphrase').fill(passphrase);
    await dialog.getByText('Sign a copy instead').click();
    await dialog.getByLabel('Copy to').fill(copyTo);
    await dialog.getByRole('button', { name: 'Sign the copy' }).click();
    await dialog.waitFor({ state: 'detached', timeout: 30_000 });
  }
}
