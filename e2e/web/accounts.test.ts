import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startLoopbackHost, type LoopbackHost } from '../../main/app/loopback-host.js';
import { sessionAccounts } from '../../main/app/session-accounts.js';
import { testHandlers } from '../kit/app-deps.js';
import { loadTestBed, testBedSkipReason } from '../support/testbed-env.js';
import { AccountsPage } from './accounts-page.js';
import {
  chromiumSkipReason,
  launchChromium,
  type TestBrowser,
  keepArtifactsOnFailure,
} from './browser.js';
import { SifportPage, waitForText } from './sifport-page.js';
import { ensureWebBuild, webBuildDir } from './web-build.js';

/**
 * The accounts screen (issue #4) in Debian's Chromium over the loopback host, against the
 * test bed's Basic-auth registry: add through the UI, test, see it listed without its
 * password anywhere in the page, refuse a wrong password clearly, remove.
 */

const bed = loadTestBed();
const skip = chromiumSkipReason ?? (bed ? false : testBedSkipReason);

describe('accounts in Chromium over the loopback host', { skip }, () => {
  let host: LoopbackHost;
  let browser: TestBrowser;
  let sifport: SifportPage;
  let accounts: AccountsPage;

  before(async () => {
    await ensureWebBuild();
    host = await startLoopbackHost({
      staticDir: webBuildDir,
      handlers: testHandlers(sessionAccounts({ findLogins: async () => [] })),
    });
    browser = await launchChromium();
    const page = await browser.newPage();
    sifport = new SifportPage(page);
    accounts = new AccountsPage(page);
    await step('open', () => sifport.open(host.url));
  });

  after(async () => {
    await browser?.close();
    await host?.stop();
  });

  const step = (name: string, body: () => Promise<void>): Promise<void> =>
    keepArtifactsOnFailure(browser, name, body);

  test('a wrong password is refused with a clear error and nothing is listed', () =>
    step('accounts-wrong-password', async () => {
      const registry = bed!.basic.host;
      await accounts.add(registry, 'tester', 'not-the-password-5');
      const error = await waitForText(accounts.addError(), /\S/, 30_000);
      assert.match(error, /rejected the credentials/);
      assert.equal(await accounts.account('tester', registry).count(), 0);
      assert.equal(
        await accounts.form().getByLabel('Password or token', { exact: true }).inputValue(),
        '',
      );
    }));

  test('adds the Basic registry account, tests it, never shows its password, removes it', () =>
    step('accounts-add-test-remove', async () => {
      const { username, password } = bed!.users.tester;
      const registry = bed!.basic.host;
      assert.match(await waitForText(accounts.storageWarning(), /\S/), /Session only/);
      await accounts.add(registry, username, password);
      const row = accounts.account(username, registry);
      await row.waitFor({ timeout: 30_000 });
      assert.equal(await accounts.addError().count(), 0);
      assert.match((await row.textContent()) ?? '', /generic.*added here.*password/s);

      await accounts.testConnection(row);
      const result = await waitForText(accounts.connectionResult(row), /Connection OK/);
      assert.match(result, /login accepted \(basic\)/);
      assert.match(result, /pull: ok/);

      await accounts.revokeReminder().getByRole('button', { name: 'Dismiss' }).click();
      assert.equal(await accounts.revokeReminder().count(), 0);
      const html = await sifport.page.content();
      assert.ok(!html.includes(password), 'the password must not be anywhere in the page');
      assert.ok(!browser.log.some((line) => line.includes(password)), 'nor in the console');

      await accounts.remove(row);
      await row.waitFor({ state: 'detached', timeout: 10_000 });
    }));
});
