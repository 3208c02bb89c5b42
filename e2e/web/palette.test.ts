import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { loadTestBed, testBedSkipReason } from '../support/testbed-env.js';
import { chromiumSkipReason } from './browser.js';
import { bedAccount } from './harness/bed-accounts.js';
import { checkScreen } from './harness/screens.js';
import { inWindow } from './harness/in-window.js';
import { windowPages } from './pages/window-pages.js';
import { closeBrowser, type WindowSession } from './harness/window-session.js';

const bed = loadTestBed();

/** The accessible name of the element that has focus. */
const focusedName = (session: WindowSession) =>
  session.page.evaluate<string>(
    "document.activeElement?.getAttribute('aria-label') || document.activeElement?.textContent || ''",
  );

describe('command palette and shortcut sheet (S14)', { skip: chromiumSkipReason ?? false }, () => {
  after(closeBrowser);

  test('Ctrl+K opens the palette; a typed command runs on Enter; Esc closes it and focus returns', () =>
    inWindow('palette-command', async (session) => {
      const { frame, palette } = windowPages(session.page);
      const { page } = session;
      await palette.open();
      await palette.group('Actions').waitFor();
      assert.ok(await palette.entry(/^Push a SIF…/).isVisible());
      await checkScreen(page, 'palette');

      await palette.type('hide side');
      await palette.entry(/^Show or hide the sidebar/).waitFor();
      assert.equal(await palette.palette().getByRole('menuitem').count(), 1);
      await palette.search().press('Enter');
      await palette.palette().waitFor({ state: 'detached' });
      await frame.sidebar().waitFor({ state: 'detached' });

      await page.getByRole('button', { name: /Search or run/ }).click();
      await palette.search().waitFor();
      await palette.type('zzz-nothing');
      await palette
        .palette()
        .getByText(/Nothing matches/)
        .waitFor();
      await page.keyboard.press('Escape');
      await palette.palette().waitFor({ state: 'detached' });
      assert.match(await focusedName(session), /Search or run/);
    }));

  test(
    'a pasted oras:// reference of an account offers Open, Pull and Copy to; Open shows the repository',
    { skip: bed ? false : testBedSkipReason },
    () =>
      inWindow(
        'palette-reference',
        async (session) => {
          const { frame, palette } = windowPages(session.page);
          const host = bed!.basic.host;
          const reference = `oras://${host}/genomics/bwa:0.7.18`;
          await palette.open('F1');
          await palette.paste(reference);
          await palette.group(reference).waitFor();
          assert.equal(await palette.entry(/^Pull genomics\/bwa:0\.7\.18…/).count(), 1);
          assert.equal(await palette.entry(/^Copy genomics\/bwa:0\.7\.18 to…/).count(), 1);
          await checkScreen(session.page, 'palette-reference');
          assert.equal(await palette.entry(/^Open genomics\/bwa/).count(), 1);
          // Enter after a paste runs the first entry, Open.
          await palette.search().press('Enter');
          await palette.palette().waitFor({ state: 'detached' });
          assert.equal(await frame.breadcrumb(), `tester @ ${host} › genomics/bwa`);

          await palette.open('Control+Shift+P');
          await palette.type('oras://quay.io/lab/tool:1');
          await palette.entry('Add an account for quay.io…').waitFor();
          await palette.search().press('Enter');
          await palette.palette().waitFor({ state: 'detached' });
          await session.page.getByRole('dialog').waitFor();
        },
        { accounts: [bedAccount(bed!, 'basic')] },
      ),
  );

  test('? opens the shortcut sheet, which lists Ctrl+K; Esc closes it and focus returns', () =>
    inWindow('shortcut-sheet', async (session) => {
      const { palette } = windowPages(session.page);
      const { page } = session;
      await page.getByRole('button', { name: 'Push…' }).focus();
      await page.keyboard.press('?');
      await palette.shortcutSheet().waitFor();
      const row = palette.shortcut('Search or run a command');
      assert.match(await row.innerText(), /Ctrl\+K/);
      assert.match(await row.innerText(), /Ctrl\+Shift\+P/);
      assert.match(await palette.shortcut('Extend the selection').innerText(), /Shift\+↑/);
      await checkScreen(page, 'shortcut-sheet');
      await page.keyboard.press('Escape');
      await palette.shortcutSheet().waitFor({ state: 'detached' });
      assert.equal(await focusedName(session), 'Push…');
    }));

  test('a page whose key the host refuses shows the unreachable screen with Reload', () =>
    inWindow('unreachable', async (session) => {
      const { page } = session;
      await page.goto('about:blank');
      await page.goto(`${session.host.origin}/#token=${'A'.repeat(43)}`);
      await page.getByRole('heading', { name: /Not connected: Sifport refused/ }).waitFor();
      assert.ok(await page.getByRole('button', { name: 'Reload' }).isVisible());
      await checkScreen(page, 'unreachable');
    }));
});
