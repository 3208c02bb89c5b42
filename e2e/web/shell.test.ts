import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { chromiumSkipReason } from './browser.js';
import { checkScreen } from './harness/screens.js';
import { closeBrowser, withWindow } from './harness/window-session.js';

/** The frame of UI.md §1 in Chromium: landmarks in order, theme, no CSP complaint. */
describe('the window frame', { skip: chromiumSkipReason ?? false }, () => {
  after(closeBrowser);

  test('shows its landmarks in UI.md §5 order, and the page obeys its CSP', async () => {
    await withWindow({}, async (session) => {
      await session.step('frame', async () => {
        const { page } = session;
        const landmarks = await page
          .locator(
            'header[role=banner], nav, main, aside, section[data-landmark], footer[role=contentinfo]',
          )
          .evaluateAll((els) => els.map((el) => el.tagName.toLowerCase()));
        assert.deepEqual(landmarks.slice(0, 3), ['header', 'nav', 'main']);
        assert.equal(landmarks.at(-1), 'footer');
        await checkScreen(page, 'frame');
        assert.deepEqual(
          session.log.filter((l) => /Content Security Policy|pageerror/i.test(l)),
          [],
        );
      });
    });
  });
});
