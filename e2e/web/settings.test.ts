import assert from 'node:assert/strict';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { waitFor } from '../kit/poll.js';
import { chromiumSkipReason } from './browser.js';
import { checkScreen } from './harness/screens.js';
import { inWindow } from './harness/in-window.js';
import { windowPages } from './pages/window-pages.js';
import { closeBrowser, type WindowSession } from './harness/window-session.js';

/**
 * Waits until the page's background, as the user sees it, is `rgb`. Polled: under reduced
 * motion every change runs a 0.01-ms transition, so the colour lags the attribute a frame.
 */
async function backgroundIs(session: WindowSession, rgb: string): Promise<void> {
  let seen = '';
  await waitFor(
    async () =>
      (seen = await session.page.evaluate<string>(
        'getComputedStyle(document.body).backgroundColor',
      )) === rgb,
    { timeoutMs: 2_000, intervalMs: 20, what: () => `background ${rgb}; it is ${seen}` },
  );
}

/** UI.md §1's `bg` token in each theme. */
const DARK_BG = 'rgb(17, 19, 24)';
const LIGHT_BG = 'rgb(255, 255, 255)';

/** The theme `<html>` carries once the window has applied it. */
async function themeIs(session: WindowSession, theme: 'light' | 'dark'): Promise<void> {
  await session.page.locator(`html[data-theme=${theme}]`).waitFor({ state: 'attached' });
}

/** The profile's settings file, as the host wrote it. */
async function settingsFile(session: WindowSession): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(join(session.profileDir, 'settings.json'), 'utf8')) as Record<
    string,
    unknown
  >;
}

/** Waits until the host's settings file holds `value` under `key`. */
async function untilSaved(session: WindowSession, key: string, value: unknown): Promise<void> {
  await waitFor(
    async () =>
      (await settingsFile(session).catch(() => ({}) as Record<string, unknown>))[key] === value,
    { timeoutMs: 5_000, what: `${key} = ${JSON.stringify(value)} in settings.json` },
  );
}

describe('Settings (S13)', { skip: chromiumSkipReason ?? false }, () => {
  after(closeBrowser);

  test('the theme switch applies at once, follows the system on System, and survives a reload', () =>
    inWindow('theme', async (session) => {
      const { settings } = windowPages(session.page);
      const { page } = session;
      await settings.open();
      await themeIs(session, 'light');
      await checkScreen(page, 'settings-appearance');

      await settings.choose('Dark');
      await themeIs(session, 'dark');
      await backgroundIs(session, DARK_BG);
      await session.reload();
      await themeIs(session, 'dark');
      await backgroundIs(session, DARK_BG);

      await settings.open();
      assert.equal(await settings.choice('Dark').isChecked(), true);
      await settings.choose('System');
      await themeIs(session, 'light');
      await page.emulateMedia({ colorScheme: 'dark' });
      await themeIs(session, 'dark');
      await page.emulateMedia({ colorScheme: 'light' });
      await themeIs(session, 'light');
      await backgroundIs(session, LIGHT_BG);

      await settings.choose('Light');
      await page.emulateMedia({ colorScheme: 'dark' });
      await session.reload();
      await themeIs(session, 'light');
      assert.equal((await settingsFile(session))['theme'], 'light');
    }));

  test('changes are kept by the host and shown again after a reload', () =>
    inWindow('kept', async (session) => {
      const { settings } = windowPages(session.page);
      const { page } = session;
      const folder = join(session.profileDir, 'pulls');
      await settings.open();
      await settings.choose('Comfortable');
      await page.locator('html[data-density=comfortable]').waitFor({ state: 'attached' });
      await settings.choose('Decimal');
      await settings.section('Transfers');
      await checkScreen(page, 'settings-transfers');
      await settings.pick('Transfers at once', '4');
      await settings.setPullFolder('images');
      await page.getByText('Use a full path').waitFor();
      await settings.setPullFolder(folder);
      await untilSaved(session, 'pullFolder', folder);

      const saved = await settingsFile(session);
      assert.equal(saved['concurrency'], 4);
      assert.equal(saved['density'], 'comfortable');
      assert.equal(saved['units'], 'si');
      assert.equal(saved['pullFolder'], folder);

      await session.reload();
      await settings.open();
      assert.equal(await settings.choice('Comfortable').isChecked(), true);
      assert.equal(await settings.choice('Decimal').isChecked(), true);
      await settings.section('Transfers');
      assert.match(await settings.dropDown('Transfers at once').innerText(), /^4/);
      assert.equal(await settings.pullFolder().inputValue(), folder);
    }));

  test('a change the host refuses is rolled back, says why, and can be tried again', () =>
    inWindow('refused', async (session) => {
      const { settings } = windowPages(session.page);
      const file = join(session.profileDir, 'settings.json');
      await rm(file, { force: true });
      await mkdir(file); // The host can neither read nor replace a folder.
      await settings.open();
      await settings.choose('Comfortable');
      await settings.saveError().waitFor();
      assert.match(await settings.saveError().innerText(), /settings file/);
      assert.equal(await settings.choice('Compact').isChecked(), true);

      await rm(file, { recursive: true });
      await settings.saveError().getByRole('button', { name: 'Try again' }).click();
      await settings.saveError().waitFor({ state: 'detached' });
      assert.equal(await settings.choice('Comfortable').isChecked(), true);
      await untilSaved(session, 'density', 'comfortable');
      assert.equal(await settings.saveError().count(), 0);
    }));
});
