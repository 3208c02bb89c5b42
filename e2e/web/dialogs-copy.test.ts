import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { SIGNED_SIF } from '../kit/index.js';
import { bedAccount } from './harness/bed-accounts.js';
import { checkScreen } from './harness/screens.js';
import { closeBrowser, withWindow } from './harness/window-session.js';
import { BedImages } from './pages/bed-images.js';
import { DialogsPage } from './pages/dialogs-page.js';
import { waitForText } from './sifport-page.js';
import { windowTestBed } from './harness/window-bed.js';

const { bed, skip } = windowTestBed();

/**
 * Copy to… (UI.md S8) from the Basic registry to the Bearer one: the dialog says the bytes
 * stream through this machine, the drawer shows the job, and the copy has the source's digest.
 */
describe('Copy dialog', { skip }, () => {
  after(closeBrowser);

  test('copies a tag to another registry with the same digest', async () => {
    const images = new BedImages(bed!);
    const repo = `dialogs/copy${Date.now()}`;
    const source = await images.push('basic', SIGNED_SIF, repo, '0.7.18');
    const accounts = [bedAccount(bed!, 'basic'), bedAccount(bed!, 'bearer')];
    await withWindow({ accounts }, async (session) => {
      const dialogs = new DialogsPage(session.page);
      await session.step('copy dialog', async () => {
        await dialogs.fromPalette(source.reference, 'Copy');
        await dialogs.copyTo(`tester @ ${bed!.bearer.host}`, `${repo}-copy`, 'stable');
        assert.match(
          await waitForText(dialogs.copyMode(), /Streams/),
          /Streams 37.2 KiB through this machine/,
        );
        await checkScreen(session.page, 'copy-dialog');
        await dialogs.confirm('Copy');
      });
      await session.step('the copy', async () => {
        await waitForText(dialogs.transfer(`${repo}-copy:stable`), /Done/);
        assert.equal(await images.digest('bearer', `${repo}-copy`, 'stable'), source.digest);
      });
    });
  });
});
