import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { UNSIGNED_SIF } from '../kit/index.js';
import { bedAccount } from './harness/bed-accounts.js';
import { checkScreen } from './harness/screens.js';
import { closeBrowser, withWindow } from './harness/window-session.js';
import { BedImages } from './pages/bed-images.js';
import { DialogsPage } from './pages/dialogs-page.js';
import { waitForText } from './sifport-page.js';
import { windowTestBed } from './harness/window-bed.js';

const { bed, skip } = windowTestBed();

/**
 * Delete (UI.md S8) from the explorer's row menu: two tags on one digest are both named, the
 * repository name must be typed, and after the delete both are gone (the explorer refreshes).
 */
describe('Delete dialog', { skip }, () => {
  after(closeBrowser);

  test('names every tag on the digest, asks for the repository name, and both go', async () => {
    const images = new BedImages(bed!);
    const repo = `dialogs/delete${Date.now()}`;
    const first = await images.push('basic', UNSIGNED_SIF, repo, '0.7.18');
    const second = await images.push('basic', UNSIGNED_SIF, repo, 'latest');
    assert.equal(first.digest, second.digest, 'the two tags share one digest');
    await withWindow({ accounts: [bedAccount(bed!, 'basic')] }, async (session) => {
      const dialogs = new DialogsPage(session.page);
      await session.step('open the repository and the row menu', async () => {
        await dialogs.openRepository(first.reference, repo);
        await dialogs.rowAction('0.7.18', 'Delete…');
      });
      await session.step('the confirmation', async () => {
        const list = dialogs.deleteList();
        assert.match(await waitForText(list, /also removes/), /also removes latest/);
        assert.match((await list.textContent()) ?? '', /0\.7\.18.*latest/s);
        assert.equal(await dialogs.dialog().getAttribute('role'), 'alertdialog');
        assert.match((await dialogs.dialog().textContent()) ?? '', /There is no undo/);
        const remove = dialogs.dialog().getByRole('button', { name: /^Delete 1 image/ });
        assert.equal(await remove.isDisabled(), true, 'blocked until the name is typed');
        await dialogs.typeConfirmation(repo);
        await checkScreen(session.page, 'delete-dialog');
        await dialogs.confirm(/^Delete 1 image \(2 tags\)/);
      });
      await session.step('both gone', async () => {
        assert.equal(await images.digest('basic', repo, '0.7.18'), undefined);
        assert.equal(await images.digest('basic', repo, 'latest'), undefined);
        await dialogs.rowHeader('0.7.18').waitFor({ state: 'detached' });
        assert.equal(await dialogs.rowHeader('latest').count(), 0);
      });
    });
  });
});
