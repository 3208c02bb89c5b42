import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, describe, test } from 'node:test';
import { fixtureText, TEST_FINGERPRINT } from '../kit/index.js';
import { chromiumSkipReason } from './browser.js';
import { checkScreen } from './harness/screens.js';
import { closeBrowser, withWindow } from './harness/window-session.js';
import { KeysPage } from './pages/keys-page.js';

/** The Keys screen (UI.md S12) in Chromium over the loopback host, on a fresh keyring. */
describe('keys', { skip: chromiumSkipReason ?? false }, () => {
  after(closeBrowser);

  test('empty keyring, a new pair (passphrase mismatch caught), import with preview', async () => {
    await withWindow({}, async (session) => {
      const keys = new KeysPage(session.page);
      await session.step('empty state', async () => {
        await keys.open();
        await session.page.getByRole('heading', { name: 'No keys yet' }).waitFor();
        assert.match(
          (await session.page.getByRole('main').textContent()) ?? '',
          /To sign.*secret key.*To verify.*public keys/s,
        );
        await checkScreen(session.page, 'keys-empty');
      });
      await session.step('new key pair', async () => {
        const sheet = await keys.openNewPair();
        await keys.fillNewPair('Ada Tester', 'ada@example.invalid', 'first-phrase', 'other');
        await sheet.getByText('The two passphrases differ.').waitFor();
        const create = sheet.getByRole('button', { name: 'Create key pair' });
        assert.equal(await create.isDisabled(), true);
        await keys.fillNewPair('Ada Tester', 'ada@example.invalid', 'first-phrase');
        await checkScreen(session.page, 'keys-new-pair');
        await create.click();
        await keys.row('Ada Tester').waitFor({ timeout: 30_000 });
        assert.match(
          (await keys.row('Ada Tester').textContent()) ?? '',
          /Ed25519.*Yes, signs as you/,
        );
      });
      await session.step('import with preview', async () => {
        const preview = await keys.previewImport(fixtureText('test-public.asc'));
        const grouped = TEST_FINGERPRINT.replace(/(.{4})(?=.)/g, '$1 ');
        assert.match((await preview.textContent()) ?? '', new RegExp(grouped));
        assert.equal(
          await keys.table().getByRole('row').count(),
          2,
          'nothing stored before confirming',
        );
        await keys.sheet().getByRole('button', { name: 'Import 1 key' }).click();
        await keys.row('SIF Peer Test').waitFor();
        await checkScreen(session.page, 'keys-list');
        const stored = await session.services.keyring.list();
        assert.deepEqual(stored.map((k) => k.fingerprint).includes(TEST_FINGERPRINT), true);
      });
    });
  });

  test('export public, then remove a key pair only after typing its last 8 hex', async () => {
    await withWindow({}, async (session) => {
      const keys = new KeysPage(session.page);
      const made = await session.services.keyring.generate({
        name: 'Bo Remover',
        passphrase: 'p1',
      });
      await keys.open();
      await session.step('export public', async () => {
        const download = await keys.exportPublic('Bo Remover');
        assert.match(download.suggestedFilename(), /^bo-remover_[0-9A-F]{16}\.pub\.asc$/);
        const text = await readFile((await download.path())!, 'utf8');
        assert.match(text, /-----BEGIN PGP PUBLIC KEY BLOCK-----/);
        assert.doesNotMatch(text, /PRIVATE KEY/);
      });
      await session.step('remove with the typed confirmation', async () => {
        await keys.keyAction('Bo Remover', 'Remove…');
        const sheet = keys.sheet();
        assert.equal(await sheet.getAttribute('role'), 'alertdialog');
        assert.match((await sheet.textContent()) ?? '', /There is no undo/);
        const remove = sheet.getByRole('button', { name: 'Remove key pair' });
        await sheet.getByLabel(/to confirm/).fill('00000000');
        assert.equal(await remove.isDisabled(), true);
        await sheet.getByLabel(/to confirm/).fill(made.fingerprint.slice(-8).toLowerCase());
        await remove.click();
        await session.page.getByRole('heading', { name: 'No keys yet' }).waitFor();
        assert.deepEqual(await session.services.keyring.list(), []);
      });
    });
  });
});
