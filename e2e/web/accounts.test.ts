import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { importDockerLogins } from '../../main/engine/accounts/interop/config-import.js';
import { RegistryClient } from '../../main/engine/registry/client.js';
import { parseReference } from '../../main/engine/registry/reference.js';
import { pushSif } from '../../main/engine/transfers/push.js';
import { UNSIGNED_SIF } from '../kit/index.js';
import { bedAccount } from './harness/bed-accounts.js';
import { checkScreen } from './harness/screens.js';
import {
  closeBrowser,
  withWindow,
  type WindowOptions,
  type WindowSession,
} from './harness/window-session.js';
import { AccountsPage } from './pages/accounts-page.js';
import { windowTestBed } from './harness/window-bed.js';

/**
 * The accounts screens (UI.md S1–S4) in Chromium over the loopback host and the registry
 * test bed: first run, adding Basic and Bearer accounts through the sheet (the password never
 * reaches the page), a refused password, importing a docker config, the sidebar and account
 * page after a push, pins that survive a reload, removing an account.
 */

const { bed, skip } = windowTestBed();
const run = randomBytes(3).toString('hex');

/** Pushes the fixture SIF to `repository:v1` on a bed registry with the engine. */
async function pushTo(registry: 'basic' | 'open', repository: string): Promise<void> {
  const { username, password } = bed!.users.tester;
  const client = new RegistryClient({
    registry: bed![registry].host,
    plainHttp: true,
    ...(registry === 'basic' ? { credentials: { kind: 'basic', username, password } } : {}),
  });
  try {
    await pushSif({
      client,
      file: UNSIGNED_SIF,
      reference: parseReference(`oras://${bed![registry].host}/${repository}:v1`),
    });
  } finally {
    client.close();
  }
}

/** Runs `body` in a fresh window, closed afterwards whatever happens. */
async function inWindow(
  options: WindowOptions,
  name: string,
  body: (session: WindowSession, accounts: AccountsPage) => Promise<void>,
): Promise<void> {
  await withWindow(options, (session) =>
    session.step(name, () => body(session, new AccountsPage(session.page))),
  );
}

/** The accounts the host keeps (metadata; the secrets are in its secret store). */
function listedAccounts(session: WindowSession) {
  return session.services.profile.accounts.list();
}

describe('accounts screens in Chromium', { skip }, () => {
  after(closeBrowser);

  test('first run: three ways to start, and the sidebar says how to fill it', () =>
    inWindow({}, 'accounts-first-run', async ({ page }, accounts) => {
      await accounts.main().getByRole('heading', { name: 'Welcome to Sifport' }).waitFor();
      for (const card of [/Import existing logins/, /Add an account/, /Inspect a local SIF/]) {
        assert.equal(await accounts.main().getByRole('button', { name: card }).count(), 1);
      }
      await accounts.sidebar().getByRole('button', { name: 'Import logins…' }).waitFor();
      await checkScreen(page, 'first-run');
    }));

  test('adds the Basic registry through the sheet: the checklist passes, the password shows nowhere', () =>
    inWindow({}, 'accounts-add-basic', async (session, accounts) => {
      const { page } = session;
      const { username, password } = bed!.users.tester;
      await accounts.openAddAccount();
      await accounts.paste(`oras://${bed!.basic.host}/lab/tool:1`, /Detected: OCI registry/);
      await checkScreen(page, 'add-account-step-1');
      await accounts.continueWithDetected();
      assert.equal(
        await accounts.dialog().getByLabel('Registry host').inputValue(),
        bed!.basic.host,
      );
      assert.equal(
        await accounts
          .dialog()
          .getByLabel(/Scope to namespace/)
          .inputValue(),
        'lab/tool',
      );
      await accounts
        .dialog()
        .getByLabel(/Scope to namespace/)
        .fill('');
      await accounts.saveLogin(username, password);
      for (const step of ['Login', 'Pull', 'Catalog']) {
        assert.match(await accounts.stepState(step), /: passed/, step);
      }
      await checkScreen(page, 'add-account-step-2');
      await accounts.dialog().getByRole('button', { name: 'Open account' }).click();
      await accounts.accountRow(username, bed!.basic.host).waitFor();
      await accounts
        .main()
        .getByRole('heading', { name: `${username} @ ${bed!.basic.host}` })
        .waitFor();
      assert.ok(!(await page.content()).includes(password), 'the password is not in the page');
      assert.ok(!session.log.some((line) => line.includes(password)), 'nor in the console');
      const listed = await listedAccounts(session);
      assert.equal(listed.length, 1);
      assert.ok(!JSON.stringify(listed).includes(password), 'nor in what the window is sent');
    }));

  test('adds the Bearer registry: token login and pull pass', () =>
    inWindow({}, 'accounts-add-bearer', async (_session, accounts) => {
      const { username, password } = bed!.users.tester;
      await accounts.openAddAccount();
      await accounts.paste(bed!.bearer.host, /Detected: OCI registry/);
      await accounts.continueWithDetected();
      await accounts.saveLogin(username, password);
      assert.match(await accounts.stepState('Auth'), /token service \(Bearer\)/);
      assert.match(await accounts.stepState('Pull'), /: passed/);
      await accounts.dialog().getByRole('button', { name: 'Open account' }).click();
      await accounts.accountRow(username, bed!.bearer.host).waitFor();
    }));

  test('a wrong password fails at Login with what to do, and saves nothing', () =>
    inWindow({}, 'accounts-wrong-password', async (session, accounts) => {
      await accounts.openAddAccount();
      await accounts.dialog().getByRole('option', { name: 'OCI registry' }).click();
      await accounts.dialog().getByLabel('Registry host').fill(bed!.basic.host);
      await accounts.fillLogin('tester', 'not-the-password-7');
      await accounts.testAndSave();
      const login = accounts.checkStep('Login');
      await login.filter({ hasText: 'rejected the credentials' }).waitFor({ timeout: 30_000 });
      assert.match(await accounts.stepState('Login'), /^Login: failed/);
      assert.match((await login.textContent()) ?? '', /User name: the account name/);
      assert.match(await accounts.stepState('Host'), /: passed/);
      assert.match(await accounts.stepState('Pull'), /: not run/);
      await accounts.dialog().getByRole('alert').filter({ hasText: 'Nothing was saved' }).waitFor();
      assert.deepEqual(await listedAccounts(session), []);
      assert.equal(await accounts.tree().count(), 0, 'the sidebar still has no account');
    }));

  test('imports a docker config login after a checkbox preview', async () => {
    const home = await mkdtemp(join(tmpdir(), 'sifport-import-'));
    const { username, password } = bed!.users.tester;
    const auth = Buffer.from(`${username}:${password}`).toString('base64');
    await writeFile(
      join(home, 'config.json'),
      JSON.stringify({ auths: { [bed!.basic.host]: { auth } } }),
    );
    const findLogins = (helpers: boolean) =>
      importDockerLogins({ env: { DOCKER_CONFIG: home }, home, resolveHelpers: helpers });
    try {
      await inWindow({ findLogins }, 'accounts-import', async (session, accounts) => {
        await accounts.openImport();
        const login = accounts.foundLogin(username, bed!.basic.host);
        assert.equal(await login.isChecked(), true);
        await accounts.dialog().getByText(join(home, 'config.json')).waitFor();
        assert.deepEqual(await listedAccounts(session), [], 'the preview saves nothing');
        await checkScreen(session.page, 'import-preview');
        await accounts.dialog().getByRole('button', { name: 'Import 1 login' }).click();
        await accounts.dialog().getByText('Imported 1 login').waitFor();
        await accounts.dialog().getByRole('button', { name: 'Done' }).click();
        await accounts.accountRow(username, bed!.basic.host).waitFor();
        const [account] = await listedAccounts(session);
        assert.equal(account?.source, 'docker-config');
        assert.equal(account?.origin, join(home, 'config.json'));
      });
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });

  test('the sidebar and account page list pushed repositories; a pin survives a reload', async () => {
    const bwa = `web-${run}/bwa`;
    const samtools = `web-${run}/samtools`;
    await pushTo('basic', bwa);
    await pushTo('basic', samtools);
    const host = bed!.basic.host;
    await inWindow(
      { accounts: [bedAccount(bed!, 'basic')] },
      'accounts-page',
      async (session, accounts) => {
        await accounts.main().getByRole('heading', { name: 'Your accounts' }).waitFor();
        await accounts.accountRow('tester', host).click();
        await accounts.gridRow(bwa).waitFor({ timeout: 20_000 });
        await accounts.gridRow(samtools).waitFor();
        await accounts.repositoryGrid().getByRole('row').nth(1).waitFor();
        await accounts
          .main()
          .getByRole('searchbox', { name: 'Filter repositories' })
          .fill(`${run}/sam`);
        await accounts
          .main()
          .getByRole('status')
          .filter({ hasText: /^1 of \d+ match$/ })
          .waitFor();
        await accounts.main().getByRole('button', { name: 'Clear the filter' }).click();
        await accounts.pinButton(bwa).click();
        await accounts.repositoryRow(bwa, 'pinned').waitFor();
        assert.equal(await accounts.pinButton(bwa).getAttribute('aria-pressed'), 'true');
        assert.match(
          (await accounts.repositoryRow(bwa, 'pinned').getAttribute('data-push-target')) ?? '',
          new RegExp(`"repository":"${bwa}"`),
        );
        await accounts.main().getByRole('searchbox', { name: 'Filter repositories' }).fill(run);
        await checkScreen(session.page, 'account-page');
        await session.reload();
        await accounts.repositoryRow(bwa, 'pinned').waitFor();
        await accounts.accountRow('tester', host).click();
        assert.equal(await accounts.pinButton(bwa).getAttribute('aria-pressed'), 'true');
        await accounts.repositoryRow(bwa, 'pinned').click();
        await session.page.getByRole('banner').getByText(bwa).waitFor();
        await checkScreen(session.page, 'sidebar-with-accounts');
        await accounts.sidebar().getByRole('button', { name: 'Start' }).click();
        await accounts
          .main()
          .getByRole('button', { name: `Open ${bwa} (pinned)` })
          .waitFor();
        await checkScreen(session.page, 'home-with-accounts');
      },
    );
  });

  test('a refused catalog says why and offers Add by name; what was added is remembered', () =>
    inWindow(
      {
        accounts: [
          { ...bedAccount(bed!, 'bearer'), username: 'reader', secret: bed!.users.reader.password },
        ],
      },
      'accounts-catalog-refused',
      async (session, accounts) => {
        const repository = `public/by-name-${run}`;
        await accounts.accountRow('reader', bed!.bearer.host).click();
        const refused = accounts
          .main()
          .getByRole('status')
          .filter({ hasText: 'does not list its repositories' });
        await refused.waitFor({ timeout: 20_000 });
        await refused.getByRole('button', { name: 'Add by name…' }).click();
        const dialog = session.page.getByRole('dialog', { name: 'Add a repository by name' });
        await dialog.getByLabel('Repository').fill('Not A Name');
        await dialog.getByRole('button', { name: 'Open' }).click();
        await dialog.getByText('is not a repository name').waitFor();
        await dialog.getByLabel('Repository').fill(`oras://${bed!.bearer.host}/${repository}:1.0`);
        await dialog.getByRole('button', { name: 'Open' }).click();
        await session.page.getByRole('banner').getByText(repository).waitFor();
        await accounts.repositoryRow(repository, 'pinned').waitFor();
        await accounts.tree().getByRole('row', { name: 'All repositories' }).click();
        await accounts.gridRow(repository).waitFor();
        await accounts
          .main()
          .getByRole('status')
          .filter({ hasText: '1 remembered repository' })
          .waitFor();
      },
    ));

  test('below 900 px the sidebar is a rail of named monograms', () =>
    inWindow(
      { accounts: [bedAccount(bed!, 'basic')] },
      'accounts-rail',
      async (session, accounts) => {
        await session.page.setViewportSize({ width: 880, height: 700 });
        const name = `tester @ ${bed!.basic.host}`;
        await accounts
          .sidebar()
          .getByRole('button', { name: `REG · ${name}, ok` })
          .click();
        await accounts.main().getByRole('heading', { name }).waitFor();
        const width = await accounts.sidebar().evaluate((nav) => nav.getBoundingClientRect().width);
        assert.equal(width, 48);
        await checkScreen(session.page, 'sidebar-rail');
      },
    ));

  test('an anonymous account browses the open registry', async () => {
    const tool = `anon-${run}/tool`;
    await pushTo('open', tool);
    await inWindow(
      { accounts: [bedAccount(bed!, 'open')] },
      'accounts-anonymous',
      async (_s, accounts) => {
        await accounts.accountRow('anonymous', bed!.open.host).click();
        await accounts.gridRow(tool).waitFor({ timeout: 20_000 });
        await accounts.gridRow(tool).click();
        await accounts.repositoryRow(tool, 'recent').waitFor();
      },
    );
  });

  test('removes an account after saying what is lost', () =>
    inWindow(
      { accounts: [bedAccount(bed!, 'basic')] },
      'accounts-remove',
      async (session, accounts) => {
        const host = bed!.basic.host;
        await accounts.accountMenu('tester', host, 'Remove…');
        const alert = session.page.getByRole('alertdialog', { name: `Remove tester @ ${host}?` });
        await alert.getByText('Its saved password is erased from Sifport.').waitFor();
        await alert.getByText('Nothing changes on the registry').waitFor();
        await alert.getByRole('button', { name: 'Remove account' }).click();
        await accounts.accountRow('tester', host).waitFor({ state: 'detached' });
        assert.deepEqual(await listedAccounts(session), []);
        await accounts.main().getByRole('heading', { name: 'Welcome to Sifport' }).waitFor();
      },
    ));
});
