import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fixturePath, fixtureText, SIGNED_SIF, UNSIGNED_SIF } from '../kit/index.js';
import { chromiumSkipReason } from './browser.js';
import { checkScreen } from './harness/screens.js';
import { closeBrowser, withWindow, type WindowSession } from './harness/window-session.js';
import { InspectorPage } from './pages/inspector-page.js';
import { waitForText } from './sifport-page.js';

const PASSPHRASE = fixtureText('test-passphrase.txt').trim();

/** The fixtures' key pair in the window's keyring (the private half protected). */
async function withFixtureKey(session: WindowSession): Promise<void> {
  await session.services.keyring.importKeys(fixtureText('test-private-protected.asc'), {
    passphrase: PASSPHRASE,
  });
}

/**
 * The local SIF inspector (UI.md S11) in the browser mode: a file chosen with the browser's
 * chooser is uploaded and inspected as a copy; its definition file, Verify, and Sign a copy.
 */
describe('local SIF inspector', { skip: chromiumSkipReason ?? false }, () => {
  after(closeBrowser);

  test('a signed SIF: header, definition file, signer from the keyring, Verify', async () => {
    await withWindow({}, async (session) => {
      const inspector = new InspectorPage(session.page);
      await withFixtureKey(session);
      await session.step('inspect', async () => {
        await inspector.inspect(SIGNED_SIF);
        await inspector.heading('signed.sif').waitFor();
        const main = (await session.page.getByRole('main').textContent()) ?? '';
        assert.match(main, /5a1f0000-5a1f-4000-8000-00000000c0de/);
        assert.match(main, /works on a copy/);
        assert.match(await waitForText(inspector.signers(), /Signed by 1/), /SIF Peer Test/);
      });
      await session.step('definition', async () => {
        await inspector.openTab('Definition');
        const text = (await inspector.definition().textContent()) ?? '';
        assert.match(text, /Bootstrap: scratch/);
        assert.match(text, /%labels/);
        await checkScreen(session.page, 'inspector-definition');
      });
      await session.step('verify', async () => {
        await session.page.getByRole('button', { name: 'Verify', exact: true }).click();
        const result = session.page.getByRole('status').filter({ hasText: 'Signature 3' });
        assert.match(
          await waitForText(result, /^Verified/),
          /by SIF Peer Test.*: verified, signed/,
        );
      });
    });
  });

  test('sign a copy: the copy carries the new signature, the original is left as it was', async () => {
    await withWindow({}, async (session) => {
      const inspector = new InspectorPage(session.page);
      await withFixtureKey(session);
      const copy = join(session.profileDir, 'unsigned-signed.sif');
      await session.step('inspect unsigned', async () => {
        await inspector.inspect(UNSIGNED_SIF);
        await inspector.heading('unsigned.sif').waitFor();
        await waitForText(inspector.signers(), /^Unsigned/);
      });
      const original = await session.step('sign dialog', async () => {
        const dialog = await inspector.openSign();
        assert.match((await dialog.textContent()) ?? '', /modifies the file/);
        await checkScreen(session.page, 'sign-dialog');
        const path = (await session.page
          .getByRole('main')
          .getByTitle(/uploads/)
          .textContent())!;
        return { path, bytes: await readFile(path) };
      });
      await session.step('sign the copy', async () => {
        await inspector.signCopy(PASSPHRASE, copy);
        await inspector.heading('unsigned-signed.sif').waitFor();
        assert.match(await waitForText(inspector.signers(), /Signed by 1/), /SIF Peer Test/);
        assert.ok((await stat(copy)).size > original.bytes.length);
        assert.deepEqual(await readFile(original.path), original.bytes);
      });
    });
  });

  test('a file that is not a SIF says so and offers another file', async () => {
    await withWindow({}, async (session) => {
      const inspector = new InspectorPage(session.page);
      await session.step('not a SIF', async () => {
        await inspector.inspect(fixturePath('test.def'));
        await session.page.getByRole('heading', { name: 'test.def is not a SIF image' }).waitFor();
        await session.page.getByRole('button', { name: 'Choose another file…' }).waitFor();
      });
    });
  });
});
