import type { Locator, Page } from 'playwright-core';

/** Escapes text for a `RegExp`. */
const literal = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Page object of the accounts screens (UI.md S1–S4, STYLE §15): the sidebar's tree, the home
 * screen, the add-account and import sheets, the account page and its dialogs, by role and
 * label as a user finds them.
 */
export class AccountsPage {
  constructor(readonly page: Page) {}

  /** The sidebar landmark. */
  sidebar(): Locator {
    return this.page.getByRole('navigation', { name: 'Registries' });
  }

  /** The accounts tree in the sidebar. */
  tree(): Locator {
    return this.sidebar().getByRole('treegrid', { name: 'Accounts' });
  }

  /** The tree row of `user` on `host` (its name goes on with the status). */
  accountRow(user: string, host: string): Locator {
    return this.tree().getByRole('row', {
      name: new RegExp(`^${literal(user)} on ${literal(host)},`),
    });
  }

  /** A repository row under an account in the tree (pinned or recent). */
  repositoryRow(repository: string, kind: 'pinned' | 'recent'): Locator {
    return this.tree().getByRole('row', { name: `${repository} (${kind})` });
  }

  /** The main area. */
  main(): Locator {
    return this.page.getByRole('main');
  }

  /** The one open dialog or sheet. */
  dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  /** Opens "Add account" from the sidebar's bottom navigation. */
  async openAddAccount(): Promise<void> {
    await this.sidebar().getByRole('button', { name: 'Add account' }).last().click();
    await this.dialog().getByLabel('Paste host or reference').waitFor();
  }

  /** Step 1: pastes a host or reference and waits for the detection to say `provider`. */
  async paste(text: string, provider: RegExp): Promise<void> {
    await this.dialog().getByLabel('Paste host or reference').fill(text);
    await this.dialog().getByRole('status').filter({ hasText: provider }).waitFor();
  }

  /** Step 1 → step 2 with the detected provider. */
  async continueWithDetected(): Promise<void> {
    await this.dialog().getByRole('button', { name: 'Continue' }).click();
    await this.dialog().getByRole('button', { name: 'Test and save' }).waitFor();
  }

  /** Step 2: the user name and secret of a password account. */
  async fillLogin(username: string, secret: string): Promise<void> {
    await this.dialog().getByLabel('User name', { exact: true }).fill(username);
    await this.dialog().getByLabel('Password or token', { exact: true }).fill(secret);
  }

  async testAndSave(): Promise<void> {
    await this.dialog().getByRole('button', { name: 'Test and save' }).click();
  }

  /** Fills the login, presses "Test and save" and waits for the host to accept the login. */
  async saveLogin(username: string, secret: string): Promise<void> {
    await this.fillLogin(username, secret);
    await this.testAndSave();
    await this.checkStep('Login').filter({ hasText: 'accepted' }).waitFor({ timeout: 30_000 });
  }

  /** What a checklist step says of itself: "Pull: passed, allowed". */
  async stepState(label: string): Promise<string> {
    return (await this.checkStep(label).getAttribute('aria-label')) ?? '';
  }

  /** One line of the "Test and save" checklist; its name says its state ("Login: passed"). */
  checkStep(label: string): Locator {
    return this.dialog()
      .getByRole('list', { name: 'Connection test' })
      .getByRole('listitem', { name: new RegExp(`^${literal(label)}: `) });
  }

  /** Opens the import sheet from the home screen's card. */
  async openImport(): Promise<void> {
    await this.main()
      .getByRole('button', { name: /Import existing logins/ })
      .click();
    await this.dialog()
      .getByRole('group', { name: /Logins found/ })
      .waitFor();
  }

  /** A login of the import preview, as a checkbox named "user @ host". */
  foundLogin(user: string, host: string): Locator {
    return this.dialog().getByRole('checkbox', {
      name: new RegExp(`^${literal(`${user} @ ${host}`)}`),
    });
  }

  /** The account page's repository grid. */
  repositoryGrid(): Locator {
    return this.main().getByRole('grid', { name: /^Repositories of / });
  }

  /** A row of the repository grid. */
  gridRow(repository: string): Locator {
    return this.repositoryGrid().getByRole('row', { name: new RegExp(`^${literal(repository)}`) });
  }

  /** The ★ of a repository in the grid (`aria-pressed` says whether it is pinned). */
  pinButton(repository: string): Locator {
    return this.repositoryGrid().getByRole('button', { name: `Pin ${repository}` });
  }

  /** Opens an account's menu with a right-click on its row and picks `item`. */
  async accountMenu(user: string, host: string, item: string | RegExp): Promise<void> {
    await this.accountRow(user, host).click({ button: 'right' });
    await this.page.getByRole('menuitem', { name: item }).click();
  }
}
