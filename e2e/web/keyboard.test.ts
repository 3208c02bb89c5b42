import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { WebSocket as PageSocket } from 'playwright-core';
import { waitFor } from '../kit/poll.js';
import { loadTestBed, testBedSkipReason } from '../support/testbed-env.js';
import { chromiumSkipReason } from './browser.js';
import { bedAccount } from './harness/bed-accounts.js';
import { inWindow } from './harness/in-window.js';
import { windowPages } from './pages/window-pages.js';
import { closeBrowser, type WindowSession } from './harness/window-session.js';

const bed = loadTestBed();

/** Counts the calls the page makes on `channel` from now on (its socket is reopened for it). */
async function countCalls(session: WindowSession, channel: string): Promise<() => number> {
  let calls = 0;
  session.page.on('websocket', (socket: PageSocket) =>
    socket.on('framesent', ({ payload }) => {
      if (String(payload).includes(`"channel":"${channel}"`)) calls += 1;
    }),
  );
  await session.reload();
  return () => calls;
}

/** True when the page still is the document it was when `mark` ran (no reload happened). */
const sameDocument = (session: WindowSession) =>
  session.page.evaluate<boolean>('window.__sifportMark === 42');
const mark = (session: WindowSession) => session.page.evaluate('window.__sifportMark = 42');

/**
 * Whether the window consumed `keys` (its keymap prevented the browser's default): the real
 * press is caught before anything handles it and read once every listener has run.
 */
async function consumed(session: WindowSession, keys: string): Promise<boolean> {
  await session.page.evaluate(`window.__sifportKey = undefined;
    window.addEventListener('keydown', function seen(e) {
      if (!e.isTrusted || ['Control', 'Shift', 'Alt', 'Meta'].includes(e.key)) return;
      window.__sifportKey = e;
      window.removeEventListener('keydown', seen, true);
    }, true)`);
  await session.page.keyboard.press(keys);
  return session.page.evaluate<boolean>('window.__sifportKey?.defaultPrevented === true');
}

/** Ctrl+I and Ctrl+\\ on the explorer of a repository of the bed's account. */
async function explorerKeys(session: WindowSession): Promise<void> {
  const { frame, palette } = windowPages(session.page);
  await palette.openReference(`oras://${bed!.basic.host}/genomics/bwa:0.7.18`);
  await frame.details().waitFor();
  await frame.press('Control+I');
  await frame.details().waitFor({ state: 'detached' });
  await frame.press('Control+I');
  await frame.details().waitFor();
  // The split itself is the explorer's to draw; the key must reach the window's keymap.
  assert.equal(await consumed(session, 'Control+\\'), true);
}

describe('the keyboard (UI.md §4) in the browser', { skip: chromiumSkipReason ?? false }, () => {
  after(closeBrowser);

  test('Ctrl+B, Ctrl+J, Ctrl+, , Alt+←/→, ?, Ctrl+K, F1, Ctrl+Shift+P and Esc do what they say', () =>
    inWindow('keyboard-frame', async (session) => {
      const { frame, palette, settings } = windowPages(session.page);
      const { page } = session;
      await frame.press('Control+B');
      await frame.sidebar().waitFor({ state: 'detached' });
      await frame.press('Control+B');
      await frame.sidebar().waitFor();

      await frame.press('Control+J');
      await frame.drawer().waitFor();
      await frame.press('Control+J');
      await frame.drawer().waitFor({ state: 'detached' });

      assert.equal(await frame.breadcrumb(), 'Start');
      await frame.press('Control+,');
      await settings.heading().waitFor();
      assert.equal(await frame.breadcrumb(), 'Settings');
      await frame.press('Alt+ArrowLeft');
      await waitFor(async () => (await frame.breadcrumb()) === 'Start', { what: 'back to Start' });
      await frame.press('Alt+ArrowRight');
      await waitFor(async () => (await frame.breadcrumb()) === 'Settings', {
        what: 'forward to Settings',
      });

      for (const keys of ['Control+K', 'F1', 'Control+Shift+P']) {
        await palette.open(keys);
        // The palette's own keys do nothing more inside it; a shortcut never acts behind it.
        await page.keyboard.press('Control+B');
        assert.equal(await frame.sidebar().count(), 1, `${keys}: Ctrl+B acted behind the palette`);
        await page.keyboard.press('Escape');
        await palette.palette().waitFor({ state: 'detached' });
      }

      await page.keyboard.press('?');
      await palette.shortcutSheet().waitFor();
      await page.keyboard.press('Control+J');
      assert.equal(await frame.drawer().count(), 0, 'Ctrl+J acted behind the shortcut sheet');
      await page.keyboard.press('Escape');
      await palette.shortcutSheet().waitFor({ state: 'detached' });
    }));

  test('single keys are ignored while typing in a field; modified ones still work', () =>
    inWindow('keyboard-typing', async (session) => {
      const { palette, settings } = windowPages(session.page);
      await settings.open();
      await settings.section('Transfers');
      await settings.pullFolder().click();
      await session.page.keyboard.type('/data/what?');
      assert.equal(await settings.pullFolder().inputValue(), '/data/what?');
      assert.equal(await palette.shortcutSheet().count(), 0);
      await session.page.keyboard.press('Control+K');
      await palette.search().waitFor();
      await palette.type('?');
      assert.equal(await palette.search().inputValue(), '?');
      assert.equal(await palette.shortcutSheet().count(), 0);
    }));

  test('F5 and Ctrl+R refresh the view, never the page, also behind a dialog', () =>
    inWindow('keyboard-refresh', async (session) => {
      const { palette, settings } = windowPages(session.page);
      const calls = await countCalls(session, 'app:info');
      // The status bar asks app:info too: count what each key adds.
      await settings.open();
      await waitFor(() => calls() >= 1, { what: 'Settings asking app:info' });
      await mark(session);
      const opened = calls();
      await session.page.keyboard.press('F5');
      await waitFor(() => calls() > opened, { what: 'F5 refreshing the view' });
      const refreshed = calls();
      await session.page.keyboard.press('Control+R');
      await waitFor(() => calls() > refreshed, { what: 'Ctrl+R refreshing the view' });
      assert.equal(await sameDocument(session), true, 'the page reloaded');
      const before = calls();

      await palette.open();
      assert.equal(await consumed(session, 'F5'), true, 'F5 would reload the page');
      assert.equal(await consumed(session, 'Control+R'), true, 'Ctrl+R would reload the page');
      assert.equal(await sameDocument(session), true);
      assert.equal(calls(), before, 'refresh ran behind the palette');
    }));

  test(
    'Ctrl+I shows and hides the details of an open repository; Ctrl+\\ is the window’s',
    { skip: bed ? false : testBedSkipReason },
    () => inWindow('keyboard-explorer', explorerKeys, { accounts: [bedAccount(bed!, 'basic')] }),
  );

  test('on macOS Cmd is the modifier and the keys are written ⌘', () =>
    inWindow('keyboard-mac', async (session) => {
      const { palette } = windowPages(session.page);
      await session.context.addInitScript(
        "Object.defineProperty(navigator, 'platform', { get: () => 'MacIntel' })",
      );
      await session.reload();
      const { page } = session;
      assert.match(await page.getByRole('button', { name: /Search or run/ }).innerText(), /⌘K/);
      await page.keyboard.press('Control+K');
      assert.equal(await palette.palette().count(), 0, 'Ctrl+K opened the palette on macOS');
      await palette.open('Meta+K');
      await page.keyboard.press('Escape');
      await page.keyboard.press('?');
      assert.match(await palette.shortcut('Search or run a command').innerText(), /⌘K/);
      assert.match(await palette.shortcut('Delete…').innerText(), /⌘⌫/);
    }));
});
