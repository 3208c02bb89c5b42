import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { RequestOf } from '../../shared/contract.js';
import { UNSIGNED_SIF } from '../kit/index.js';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.js';
import { bedAccount } from './harness/bed-accounts.js';
import { bedRegistry } from './harness/bed-registry.js';
import { checkScreen } from './harness/screens.js';
import { closeBrowser } from './harness/window-session.js';
import { inPushWindow, type DraggedFile, type PushPage } from './pages/push-page.js';
import { windowTestBed } from './harness/window-bed.js';

/**
 * S9 and S10 in Chromium: a running push cancelled from the drawer leaves no tag, a failed
 * one says why and offers the action that answers its code, and the drawer, the collapsed
 * aggregate bar, the status bar and the bell show running, done and failed transfers.
 */
const { bed, skip } = windowTestBed();
const MiB = 1024 * 1024;

/** The basic registry behind a proxy that forwards uploads at `bytesPerSecond`. */
function slowAccount(proxy: FaultProxy): RequestOf<'accounts:add'> {
  return { ...bedAccount(bed!, 'basic'), registry: proxy.host };
}

/** An account whose password the registry no longer takes (saved without a test). */
function stalePassword(): RequestOf<'accounts:add'> {
  return { ...bedAccount(bed!, 'bearer'), secret: 'changed-since', skipTest: true };
}

/** Drops `file` and pushes it to `repository` with the account named `account`. */
async function pushThroughSheet(
  push: PushPage,
  file: DraggedFile,
  account: string,
  repository: string,
): Promise<void> {
  await push.drop([file]);
  await push
    .file(file.name)
    .getByText(/SIF 01/)
    .waitFor();
  await push.chooseAccount(account);
  await push.setRepository(repository);
  await push.pushWithKeyboard();
  await push.sheet().waitFor({ state: 'detached' });
}

describe('the transfers drawer and the status bar', { skip }, () => {
  const registry = bed ? bedRegistry(bed, 'basic') : undefined!;
  let proxy: FaultProxy;
  before(async () => {
    if (skip) return;
    proxy = await startFaultProxy(bed!.basic.url);
    proxy.throttle(MiB);
  });
  after(async () => {
    await proxy?.stop();
    await closeBrowser();
  });

  test('a running push cancelled from the drawer leaves no tag behind', () =>
    inPushWindow('transfers-cancel', [slowAccount(proxy)], async ({ page, push, transfers }) => {
      const repository = registry.repository('cancel');
      const path = repository.replace(/^oras:\/\/[^/]+\//, '');
      const big = { path: UNSIGNED_SIF, name: 'big_2.0.sif', padding: 24 * MiB };
      await pushThroughSheet(push, big, `tester @ ${proxy.host}`, path);

      const row = transfers.row('big_2.0.sif');
      await row.getByText('Uploading', { exact: true }).waitFor({ timeout: 30_000 });
      const bar = row.getByRole('progressbar');
      await bar.and(page.locator('[aria-valuetext*=" of 24.0 MiB · "]')).waitFor();
      assert.match(
        (await bar.getAttribute('aria-valuetext'))!,
        /^[\d.]+ (B |KiB |MiB )?of 24\.0 MiB · /,
      );
      await transfers.cancel(row);
      await row.getByText('Cancelled', { exact: true }).waitFor();
      await page
        .getByTestId('announcer-polite')
        .getByText(/^Push cancelled: big_2\.0\.sif/)
        .waitFor();
      assert.deepEqual(await registry.tags(repository), []);
      assert.equal(await transfers.tab('Done').innerText(), 'Done\n1');
    }));

  test('a push refused for its login says so and offers "Log in again", which opens the login', () =>
    inPushWindow('transfers-failed', [stalePassword()], async ({ page, push, transfers }) => {
      await push.drop([{ path: UNSIGNED_SIF, name: 'bwa_1.sif' }]);
      await push
        .file('bwa_1.sif')
        .getByText(/SIF 01/)
        .waitFor();
      await push.setRepository('web/refused');
      await push.pushButton().and(page.locator(':enabled')).waitFor({ timeout: 30_000 });
      await push.pushButton().click();
      const row = transfers.row('bwa_1.sif');
      await row.getByText('Failed', { exact: true }).waitFor({ timeout: 60_000 });
      const failure = await row.innerText();
      assert.match(failure, /(log ?in|credentials|authenticat|password)/i, failure);
      await page
        .getByTestId('announcer-assertive')
        .getByText(/^Push failed: bwa_1\.sif/)
        .waitFor();
      await transfers.tab('Failed').click();
      await transfers.row('bwa_1.sif').waitFor();
      await row.getByRole('button', { name: 'Log in again' }).click();
      const login = page.getByRole('dialog');
      await login.waitFor();
      assert.match(await login.getByRole('heading').first().innerText(), /account/i);
    }));

  test('drawer, aggregate bar, status bar and bell with running, done and failed rows', () =>
    inPushWindow(
      'transfers-screens',
      [bedAccount(bed!, 'basic'), slowAccount(proxy), stalePassword()],
      async ({ page, push, transfers }) => {
        const done = registry.repository('done').replace(/^oras:\/\/[^/]+\//, '');
        await pushThroughSheet(
          push,
          { path: UNSIGNED_SIF, name: 'bwa_0.7.18.sif' },
          `tester @ ${bed!.basic.host}`,
          done,
        );
        await transfers.row('bwa_0.7.18.sif').getByText(/^Done/).waitFor({ timeout: 60_000 });
        await pushThroughSheet(
          push,
          { path: UNSIGNED_SIF, name: 'samtools_1.20.sif' },
          `tester @ ${bed!.bearer.host}`,
          'web/refused',
        );
        await transfers
          .row('samtools_1.20.sif')
          .getByText('Failed', { exact: true })
          .waitFor({ timeout: 60_000 });
        const slow = registry.repository('slow').replace(/^oras:\/\/[^/]+\//, '');
        const big = { path: UNSIGNED_SIF, name: 'genome-index_3.1.sif', padding: 40 * MiB };
        await pushThroughSheet(push, big, `tester @ ${proxy.host}`, slow);
        const running = transfers.row('genome-index_3.1.sif');
        await running.getByText(/ MB\/s · /).waitFor({ timeout: 30_000 });
        assert.equal(await transfers.tab('Active').innerText(), 'Active\n1');
        await checkScreen(page, 'transfers-drawer');

        await transfers.toggleWithKeyboard();
        await transfers.drawer().waitFor({ state: 'detached' });
        await transfers.aggregateBar().waitFor();
        assert.match(
          await transfers.summary().innerText(),
          /Uploading\s*1\s*, downloading\s*0\s*[\d.]+ [kM]B\/s/,
        );
        await checkScreen(page, 'status-bar');

        await transfers.bell().click();
        await transfers
          .notices()
          .getByRole('button', { name: /^Push failed: samtools_1\.20\.sif/ })
          .click();
        const failed = transfers.row('samtools_1.20.sif');
        await failed.and(page.locator('[aria-current="true"]')).waitFor();
        await transfers.cancel(running);
        await running.getByText('Cancelled', { exact: true }).waitFor();
      },
    ));
});
