import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { getManifest } from '../../main/engine/registry/manifests.js';
import { parseReference } from '../../main/engine/registry/reference.js';
import { pushSif } from '../../main/engine/transfers/push.js';
import { fixturePath } from '../kit/index.js';
import { clientFor, makeSif, tempDir, uniqueRepo } from '../registry/bed.js';
import { bedAccount } from './harness/bed-accounts.js';
import { checkScreen } from './harness/screens.js';
import { closeBrowser, withWindow } from './harness/window-session.js';
import { ExplorerPage } from './pages/explorer-page.js';
import { windowTestBed } from './harness/window-bed.js';

/** The Details pane (UI.md S6) on a SIF in the test bed's basic registry. */

const { bed, skip } = windowTestBed();
/** Big enough that reading it by Range is visibly a small part of it. */
const SIF_SIZE = 16 * 1024 * 1024;

describe('the Details pane', { skip }, () => {
  const repository = uniqueRepo('details');
  let manifestBytes = '';
  let remove: (() => Promise<void>) | undefined;

  before(async () => {
    if (skip) return;
    const temp = await tempDir('details');
    remove = temp.remove;
    const sif = await makeSif(temp.dir, 'tool.sif', SIF_SIZE);
    const client = clientFor(bed!, 'basic');
    try {
      const reference = parseReference(`oras://${bed!.basic.host}/${repository}:2.1`);
      await pushSif({ client, file: sif.path, reference });
      manifestBytes = (await getManifest(client, repository, '2.1')).bytes.toString('utf8');
    } finally {
      client.close();
    }
  });
  after(async () => {
    await closeBrowser();
    await remove?.();
  });

  test('shows a tag: Summary, its SIF read by Range (definition file included), Manifest', async () => {
    await withWindow({ accounts: [bedAccount(bed!, 'basic')] }, async (session) => {
      const explorer = new ExplorerPage(session.page);
      const { page } = session;
      const reference = `oras://${bed!.basic.host}/${repository}:2.1`;
      await session.step('nothing selected', async () => {
        await explorer.toggleSplit();
        await explorer.toggleSplit();
        await explorer.openRepository(0, new RegExp(`tester @ ${bed!.basic.host}`), repository);
        await explorer
          .details()
          .getByRole('heading', { name: "Select a tag to see its manifest and what's inside" })
          .waitFor();
      });
      await session.step('summary', async () => {
        await explorer.clickTag('2.1');
        const panel = await explorer.detailsTab('Summary');
        await panel.getByText(reference, { exact: true }).waitFor();
        await panel.getByText('16.0 MiB').waitFor();
        await panel.getByText(`apptainer pull ${reference}`, { exact: true }).waitFor();
        await panel.getByText(`sifport pull ${reference}`, { exact: true }).waitFor();
        await panel.getByText('tool.sif').waitFor();
        await checkScreen(page, 'details-summary');
      });
      await session.step('SIF by Range', async () => {
        const panel = await explorer.detailsTab('SIF');
        const read = await panel.getByText(/^Read .* by Range/).textContent({ timeout: 30_000 });
        const match = /^Read ([\d.]+) (B|KiB) of 16\.0 MiB by Range/.exec(read ?? '');
        assert.ok(match, `read only bytes or KiB of the 16 MiB image: ${read}`);
        const bytes = Number(match[1]) * (match[2] === 'KiB' ? 1024 : 1);
        assert.ok(bytes < SIF_SIZE / 50, `read ${bytes} bytes of ${SIF_SIZE}`);
        const deffile = await readFile(fixturePath('test.def'), 'utf8');
        const shown = await panel
          .getByRole('region', { name: 'Definition file' })
          .locator('pre')
          .innerText();
        for (const line of deffile.split('\n').filter((l) => l.trim() !== '')) {
          assert.ok(shown.includes(line.trim()), `the definition file shows "${line.trim()}"`);
        }
        await checkScreen(page, 'details-sif');
      });
      await session.step('manifest', async () => {
        const panel = await explorer.detailsTab('Manifest');
        await panel
          .getByRole('group', { name: 'Manifest' })
          .getByText('"schemaVersion":')
          .waitFor();
        await panel
          .getByRole('button', { name: /^Copy sha256:/ })
          .first()
          .waitFor();
        await checkScreen(page, 'details-manifest');
        await panel.getByRole('radio', { name: 'Raw bytes' }).click();
        assert.equal(await panel.getByLabel('Manifest, raw').textContent(), manifestBytes);
      });
      await session.step('config', async () => {
        const panel = await explorer.detailsTab('Config');
        await panel.getByText('application/vnd.sylabs.sif.config.v1+json').waitFor();
      });
    });
  });
});
