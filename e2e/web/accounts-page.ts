import type { Locator, Page } from 'playwright-core';

/** Page object of the accounts panel (STYLE §15): what a user does there, by role and label. */
export class AccountsPage {
  constructor(readonly page: Page) {}

  /** The accounts panel. */
  panel(): Locator {
    return this.page.getByRole('region', { name: 'Accounts' });
  }

  /** The "Add account" form. */
  form(): Locator {
    return this.page.getByRole('form', { name: 'Add account' });
  }

  /** Fills the form (detecting the provider from the host) and presses "Add account". */
  async add(registry: string, username: string, secret: string): Promise<void> {
    const form = this.form();
    await form.getByLabel('Registry', { exact: true }).fill(registry);
    await form.getByRole('button', { name: 'Detect' }).click();
    await form.getByLabel('Username', { exact: true }).fill(username);
    await form.getByLabel('Password or token', { exact: true }).fill(secret);
    await form.getByRole('button', { name: 'Add account' }).click();
  }

  /** The form's error, if any. */
  addError(): Locator {
    return this.form().getByRole('alert');
  }

  /** The list row of the account of `username` on `registry`. */
  account(username: string, registry: string): Locator {
    return this.panel()
      .getByRole('list', { name: 'accounts' })
      .getByRole('listitem', { name: `account ${username} on ${registry}` });
  }

  /** The warning shown when secrets are kept only for this session. */
  storageWarning(): Locator {
    return this.panel().getByRole('note', { name: 'storage warning' });
  }

  /** The "revoke the token after use" reminder. */
  revokeReminder(): Locator {
    return this.panel().getByRole('note', { name: 'revoke reminder' });
  }

  async testConnection(row: Locator): Promise<void> {
    await row.getByRole('button', { name: 'Test connection' }).click();
  }

  /** What "Test connection" said for a row. */
  connectionResult(row: Locator): Locator {
    return row.getByRole('status', { name: 'connection result' });
  }

  async remove(row: Locator): Promise<void> {
    await row.getByRole('button', { name: 'Remove' }).click();
  }
}
