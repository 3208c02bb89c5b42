import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { BROWSER_DESKTOP_HOOKS } from '../../main/app/desktop-hooks.js';
import { NO_NOTIFICATIONS } from '../../main/app/handlers.js';
import { fixturePath, fixtureText, TEST_FINGERPRINT, UNSIGNED_SIF, waitFor } from '../kit/index.js';
import { bedAccount } from './harness/bed-accounts.js';
import { bedRegistry } from './harness/bed-registry.js';
import { checkScreen } from './harness/screens.js';
import { closeBrowser, type WindowSession } from './harness/window-session.js';
import { inPushWindow, type PushWindow } from './pages/push-page.js';
import { windowTestBed } from './harness/window-bed.js';

/**
 * S7 in Chromium against the test bed's basic registry: a SIF dropped on the window (the
 * browser mode uploads it when Push is pressed) goes through the push sheet and lands byte
 * for byte; an existing tag is warned about; an unsigned image is signed on the way.
 */
const { bed, skip } = windowTestBed();

/** The handler table of the session's host, for setup the window is not about. */
function hostHandlers(session: WindowSession) {
  return session.services.handlers({
    emit: () => undefined,
    notifier: NO_NOTIFICATIONS,
    desktop: BROWSER_DESKTOP_HOOKS,
  });
}

/** Runs `body` in a fresh window logged in to the basic registry. */
const inWindow = (name: string, body: (w: PushWindow) => Promise<void>) =>
  inPushWindow(name, [bedAccount(bed!, 'basic')], body);

describe('pushing from the window', { skip }, () => {
  const registry = bed ? bedRegistry(bed, 'basic') : undefined!;
  after(closeBrowser);

  test('a dropped SIF is pushed through the sheet and lands byte for byte', () =>
    inWindow('push-drop', async ({ session, page, push, transfers }) => {
      const repository = registry.repository('drop');
      const path = repository.replace(/^oras:\/\/[^/]+\//, '');
      const file = { path: UNSIGNED_SIF, name: 'bwa_0.7.18.sif' };

      await push.dragOver([file]);
      await push.overlay().getByText('Drop to push').waitFor();
      await checkScreen(page, 'drop-overlay');
      await push.drop([file]);
      await push.sheet().waitFor();
      await page.getByTestId('announcer-polite').getByText('1 file ready to push').waitFor();
      await push.file('bwa_0.7.18.sif').getByText('SIF 01 · amd64 · unsigned').waitFor();
      assert.equal(
        await push.repository().inputValue(),
        'bwa',
        'the repository comes from the name',
      );
      assert.equal(await push.tag().inputValue(), '0.7.18', 'and so does the tag');
      await push.setRepository(path);
      await push.reference().getByText(`${repository}:0.7.18`).waitFor();
      await push.sheet().getByText(`apptainer push bwa_0.7.18.sif ${repository}:0.7.18`).waitFor();

      await push.pushWithKeyboard();
      await push.sheet().waitFor({ state: 'detached' });
      const row = transfers.row(
        `bwa_0.7.18.sif → ${repository.slice(7).replace('/', ' › ')}:0.7.18`,
      );
      await row.getByText(/^Done · SIF uploaded$/).waitFor({ timeout: 60_000 });
      assert.equal(await row.getAttribute('aria-current'), 'true', 'the new row is selected');

      const pulled = await registry.pull(`${repository}:0.7.18`, session.profileDir);
      assert.deepEqual(pulled, await readFile(UNSIGNED_SIF));
      await waitFor(
        async () => (await readdir(session.services.profile.paths.uploads)).length === 0,
        {
          what: 'the uploaded copy to be removed once its push is done',
        },
      );
      assert.deepEqual(
        session.log.filter((l) => /Content Security Policy|pageerror/i.test(l)),
        [],
      );
    }));

  test('an existing tag is warned about, and "Use 1.0-2" pushes beside it', () =>
    inWindow('push-overwrite', async ({ page, push, transfers }) => {
      const repository = registry.repository('taken');
      await registry.push(UNSIGNED_SIF, `${repository}:1.0`);

      await push.chooseWithKeyboard([fixturePath('unsigned-with-json.sif')]);
      await push
        .file('unsigned-with-json.sif')
        .getByText(/SIF 01/)
        .waitFor();
      await push.setRepository(repository.replace(/^oras:\/\/[^/]+\//, ''));
      await push.tag().fill('1.0');
      const warning = push.overwriteWarning();
      await warning.getByText(/^1\.0 → sha256:[0-9a-f]{12}/).waitFor();
      assert.match(
        await push.reason().innerText(),
        /1\.0 exists in .*: choose Overwrite or another tag\./,
      );
      assert.equal(await push.pushButton().isDisabled(), true);
      await checkScreen(page, 'push-sheet-overwrite');

      await warning.getByRole('button', { name: 'Use 1.0-2' }).click();
      assert.equal(await push.tag().inputValue(), '1.0-2');
      await push.reference().getByText(`${repository}:1.0-2`).waitFor();
      await push.overwriteWarning().waitFor({ state: 'detached' });
      await push.pushWithKeyboard();
      await transfers.row(':1.0-2').getByText(/^Done/).waitFor({ timeout: 60_000 });
      assert.deepEqual((await registry.tags(repository)).sort(), ['1.0', '1.0-2']);
    }));

  test('an unsigned SIF is signed before its push; the pulled image verifies', () =>
    inWindow('push-sign', async ({ session, page, push, transfers }) => {
      const passphrase = fixtureText('test-passphrase.txt').trim();
      await hostHandlers(session)['keys:import']({
        armored: fixtureText('test-private.asc'),
        passphrase,
      });
      const repository = registry.repository('signed');

      await push.drop([{ path: UNSIGNED_SIF, name: 'samtools-1.20.sif' }]);
      await push.setRepository(repository.replace(/^oras:\/\/[^/]+\//, ''));
      await push.signWith(passphrase);
      assert.equal(await push.sheet().getByLabel('Passphrase').getAttribute('type'), 'password');
      await push.pushButton().and(page.locator(':enabled')).waitFor();
      await checkScreen(page, 'push-sheet-sign');
      await push.pushWithKeyboard();
      await transfers.row(':1.20').getByText(/^Done/).waitFor({ timeout: 60_000 });

      const pulled = await registry.pull(`${repository}:1.20`, session.profileDir);
      assert.notDeepEqual(
        pulled,
        await readFile(UNSIGNED_SIF),
        'the pushed image carries a signature',
      );
      const copy = join(session.profileDir, 'verify-me.sif');
      await writeFile(copy, pulled);
      const verdict = await hostHandlers(session)['sif:verify']({
        path: copy,
        publicKeys: [fixtureText('test-public.asc')],
        fingerprints: [TEST_FINGERPRINT],
      });
      assert.equal(verdict.ok, true, verdict.message);
    }));
});
