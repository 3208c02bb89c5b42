import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fixturePath, fixtureText, SIGNED_SIF, TEST_FINGERPRINT } from '../kit/index.js';
import { bedAccount } from './harness/bed-accounts.js';
import { checkScreen } from './harness/screens.js';
import { closeBrowser, withWindow } from './harness/window-session.js';
import { BedImages } from './pages/bed-images.js';
import { DialogsPage } from './pages/dialogs-page.js';
import { waitForText } from './sifport-page.js';
import { windowTestBed } from './harness/window-bed.js';

const { bed, skip } = windowTestBed();

/**
 * Pull (UI.md S8) with Verify after pull: the image lands byte-identical and the drawer says
 * it verified; one by another signer fails with its reason and nothing is written.
 */
describe('Pull dialog', { skip }, () => {
  after(closeBrowser);

  test('pulls and verifies with a keyring key; another signer fails and writes nothing', async () => {
    const images = new BedImages(bed!);
    const name = `pull${Date.now()}`;
    const repo = `dialogs/${name}`;
    const good = await images.push('basic', SIGNED_SIF, repo, '0.7.18');
    const other = await images.push('basic', fixturePath('signed-by-other.sif'), repo, 'other');
    await withWindow({ accounts: [bedAccount(bed!, 'basic')] }, async (session) => {
      const dialogs = new DialogsPage(session.page);
      await session.services.keyring.importKeys(fixtureText('test-public.asc'));
      await session.step('pull with verify', async () => {
        await dialogs.fromPalette(good.reference, 'Pull');
        await dialogs.pullInto(session.profileDir);
        assert.match((await dialogs.spaceLine().textContent()) ?? '', /needs 37.2 KiB · .* free/);
        await dialogs.verifyWith('SIF Peer Test');
        const cli =
          (await dialogs
            .dialog()
            .getByLabel('sifport pull command', { exact: true })
            .textContent()) ?? '';
        assert.match(cli, new RegExp(`--fingerprint ${TEST_FINGERPRINT}`));
        await checkScreen(session.page, 'pull-dialog');
        await dialogs.confirm('Pull');
        const row = dialogs.transfer(`${name}_0.7.18.sif`);
        assert.match(await waitForText(row, /Done/), /verified: 1 signature\(s\) verified/);
        assert.deepEqual(
          await readFile(join(session.profileDir, `${name}_0.7.18.sif`)),
          await readFile(SIGNED_SIF),
        );
      });
      await session.step('another signer', async () => {
        await dialogs.fromPalette(other.reference, 'Pull');
        await dialogs.pullInto(session.profileDir);
        await dialogs.verifyWith();
        await dialogs.confirm('Pull');
        const row = dialogs.transfer(`${name}_other.sif`);
        assert.match(await waitForText(row, /does not verify/), /nothing was written/);
        await assert.rejects(stat(join(session.profileDir, `${name}_other.sif`)), {
          code: 'ENOENT',
        });
      });
    });
  });
});
