import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parseReference } from '../../main/engine/registry/reference.js';
import { pushSif } from '../../main/engine/transfers/push.js';
import { UNSIGNED_SIF, waitFor } from '../kit/index.js';
import { clientFor, uniqueRepo } from '../registry/bed.js';
import { seedManyTags } from '../support/many-tags.js';
import { bedAccount } from './harness/bed-accounts.js';
import { checkScreen } from './harness/screens.js';
import { closeBrowser, withWindow, type WindowSession } from './harness/window-session.js';
import { ExplorerPage } from './pages/explorer-page.js';
import { windowTestBed } from './harness/window-bed.js';

/** The tag explorer (UI.md S5) in Chromium against the test bed's registries. */

const { bed, skip } = windowTestBed();
/** The repository of 10,000 tags, seeded once per test-bed run (bearer: cheap auth per PUT). */
const MANY = 'sifport-e2e/explorer-many';
const MANY_COUNT = 10_000;

async function pushTags(registry: 'basic' | 'bearer', repository: string, tags: readonly string[]) {
  const client = clientFor(bed!, registry);
  try {
    for (const tag of tags) {
      const reference = parseReference(`oras://${bed![registry].host}/${repository}:${tag}`);
      await pushSif({ client, file: UNSIGNED_SIF, reference });
    }
  } finally {
    client.close();
  }
}

async function withExplorer(
  body: (session: WindowSession, explorer: ExplorerPage) => Promise<void>,
) {
  const accounts = [bedAccount(bed!, 'basic'), bedAccount(bed!, 'bearer')];
  await withWindow({ accounts }, (session) => body(session, new ExplorerPage(session.page)));
}

describe('the tag explorer', { skip }, () => {
  const left = uniqueRepo('explorer-left');
  const right = uniqueRepo('explorer-right');
  let many: readonly string[] = [];

  before(async () => {
    if (skip) return;
    await pushTags('basic', left, ['v1.0', 'v1.10', 'v1.2']);
    await pushTags('bearer', right, ['latest']);
    const client = clientFor(bed!, 'bearer');
    try {
      many = (await seedManyTags(client, MANY, { count: MANY_COUNT, file: UNSIGNED_SIF })).tags;
    } finally {
      client.close();
    }
  });
  after(closeBrowser);

  test('browses two registries side by side, each pane its own', () =>
    withExplorer(async (session, explorer) => {
      const { page } = session;
      await session.step('empty panes', async () => {
        await explorer.toggleSplit();
        await explorer
          .pane(1)
          .getByRole('heading', { name: 'Open a repository in this pane' })
          .waitFor();
        await checkScreen(page, 'explorer-empty');
      });
      await session.step('two repositories', async () => {
        await explorer.openRepository(0, new RegExp(`tester @ ${bed!.basic.host}`), left);
        await explorer.openRepository(
          1,
          new RegExp(`tester @ ${bed!.bearer.host}`),
          `oras://${bed!.bearer.host}/${right}`,
        );
        await explorer.waitForFirstTag('v1.0', 0);
        assert.deepEqual(await explorer.drawnTags(0), ['v1.0', 'v1.2', 'v1.10'], 'numeric order');
        assert.deepEqual(await explorer.drawnTags(1), ['latest']);
        const target = JSON.parse(
          (await explorer.pane(1).getAttribute('data-push-target')) ?? '{}',
        );
        assert.deepEqual([target.registry, target.repository], [bed!.bearer.host, right]);
        await explorer.clickTag('v1.2', 0);
        await explorer.details().getByRole('heading', { name: 'v1.2' }).waitFor();
        await page.keyboard.press('Control+Shift+C');
        const pull = `apptainer pull oras://${bed!.basic.host}/${left}:v1.2`;
        let copied = '';
        await waitFor(
          async () =>
            (copied = (await page.evaluate('navigator.clipboard.readText()')) as string) === pull,
          {
            timeoutMs: 10_000,
            what: () => `the pull command on the clipboard, found ${JSON.stringify(copied)}`,
          },
        );
        await explorer.filter(1).fill('nothing-like-this');
        await explorer
          .pane(1)
          .getByRole('heading', { name: "No tags match 'nothing-like-this'" })
          .waitFor();
        assert.deepEqual(
          await explorer.drawnTags(0),
          ['v1.0', 'v1.2', 'v1.10'],
          'the left pane keeps its rows',
        );
        await explorer.pane(1).getByRole('button', { name: 'Clear filter' }).click();
        await explorer.waitForFirstTag('latest', 1);
        await explorer.row('v1.0', 0).getByRole('rowheader').dragTo(explorer.grid(1));
        await page.getByRole('dialog').waitFor();
        await page.keyboard.press('Escape');
        await page.getByRole('dialog').waitFor({ state: 'detached' });
        await checkScreen(page, 'explorer-two-panes');
      });
      await session.step('one pane again', async () => {
        await explorer.toggleSplit();
        await explorer.pane(0).getByRole('grid').waitFor();
        assert.equal(await page.getByRole('main').getByRole('region').count(), 1);
      });
    }));

  test('pages, sorts and filters 10,000 tags', () =>
    withExplorer(async (session, explorer) => {
      const { page } = session;
      await session.step('open', async () => {
        await explorer.toggleSplit();
        await explorer.toggleSplit();
        await explorer.openRepository(0, new RegExp(`tester @ ${bed!.bearer.host}`), MANY);
        await explorer.count().filter({ hasText: '10,000 tags' }).waitFor();
        assert.equal(await explorer.grid().getAttribute('aria-rowcount'), String(MANY_COUNT + 1));
        assert.equal(await explorer.grid().getAttribute('aria-multiselectable'), 'true');
        await explorer.waitForFirstTag('build-1');
        await checkScreen(page, 'explorer-one-pane');
      });
      await session.step('page with the keyboard', async () => {
        await explorer.clickTag('build-1');
        await page.keyboard.press('PageDown');
        const afterPage = Number(await explorer.focusedRow().getAttribute('aria-rowindex'));
        assert.ok(afterPage > 10, `PgDn moved a page (row ${afterPage})`);
        await page.keyboard.press('End');
        await explorer.waitForFocusedTag('build-10000');
        assert.equal(
          await explorer.focusedRow().getAttribute('aria-rowindex'),
          String(MANY_COUNT + 1),
        );
        assert.equal(await explorer.focusedRow().getAttribute('aria-selected'), 'true');
        await page.keyboard.press('Shift+ArrowUp');
        await page.keyboard.press('Shift+ArrowUp');
        await page
          .getByRole('toolbar', { name: 'Selected tags' })
          .getByText(/^3 selected/)
          .waitFor();
        await page.keyboard.press('Home');
        await explorer.waitForFocusedTag('build-1');
        await page.keyboard.press('Control+a');
        await page
          .getByRole('toolbar', { name: 'Selected tags' })
          .getByText(/^10,000 selected/)
          .waitFor();
        await page.keyboard.press('Escape');
        await page.getByRole('toolbar', { name: 'Selected tags' }).waitFor({ state: 'detached' });
        await page.keyboard.type('build-99');
        await explorer.waitForFocusedTag('build-99');
      });
      await session.step('sort by tag both ways', async () => {
        // With nothing selected a new order starts at the top (a selected row stays in view).
        await page.keyboard.press('Escape');
        await explorer.sortButton('Tag').click();
        await explorer.waitForFirstTag('build-10000');
        assert.equal(await explorer.sortState('Tag'), 'descending');
        // The header is part of the grid's one tab stop: ←/→ walk it, Enter sorts, ↓ leaves.
        await page.keyboard.press('ArrowLeft');
        await page.keyboard.press('ArrowRight');
        await page.keyboard.press('Enter');
        await explorer.waitForFirstTag('build-1');
        assert.equal(await explorer.sortState('Tag'), 'ascending');
        assert.deepEqual((await explorer.drawnTags()).slice(0, 3), [
          'build-1',
          'build-2',
          'build-3',
        ]);
        await page.keyboard.press('ArrowDown');
        assert.equal(await explorer.focusedRow().count(), 1, 'back on a row');
      });
      await session.step('filter: substring, glob, regex', async () => {
        await page.keyboard.press('Control+f');
        await page.keyboard.type('99');
        assert.equal(
          await explorer.filter().inputValue(),
          '99',
          'Ctrl+F puts the typing in the filter',
        );
        const expect = async (text: string, keep: (t: string) => boolean, first: string) => {
          await explorer.filter().fill(text);
          const n = many.filter(keep).length.toLocaleString('en-US');
          await explorer
            .count()
            .filter({ hasText: `${n} of 10,000 tags` })
            .waitFor();
          await explorer.waitForFirstTag(first);
        };
        await expect('999', (t) => t.includes('999'), 'build-999');
        await expect('build-99*', (t) => /^build-99/.test(t), 'build-99');
        await expect('/^build-1\\d{3}$/', (t) => /^build-1\d{3}$/.test(t), 'build-1000');
        await explorer.filter().fill('/build-(/');
        await explorer
          .pane(0)
          .getByRole('alert')
          .filter({ hasText: 'Not a valid regular expression' })
          .waitFor();
        await explorer.filter().fill('');
        await explorer
          .count()
          .filter({ hasText: /^10,000 tags$/ })
          .waitFor();
      });
    }));

  test('a repository that does not exist says so, with a way to try again', () =>
    withExplorer(async (session, explorer) => {
      await session.step('not found', async () => {
        await explorer.toggleSplit();
        await explorer.toggleSplit();
        const pane = explorer.pane(0);
        await pane
          .getByLabel('Repository')
          .fill(`oras://${bed!.basic.host}/sifport-e2e/no-such-repo`);
        await pane.getByRole('button', { name: 'Open' }).click();
        await pane.getByRole('heading', { name: 'No such repository' }).waitFor();
        await pane.getByRole('button', { name: 'Try again' }).waitFor();
      });
    }));
});
