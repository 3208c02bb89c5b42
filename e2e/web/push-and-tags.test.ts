import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { RegistryClient } from '../../main/engine/registry/client.js';
import { parseReference } from '../../main/engine/registry/reference.js';
import { pullSif } from '../../main/engine/transfers/pull.js';
import { startLoopbackHost, type LoopbackHost } from '../../main/app/loopback-host.js';
import { BROWSER_DESKTOP_HOOKS } from '../../main/app/desktop-hooks.js';
import { NO_NOTIFICATIONS } from '../../main/app/handlers.js';
import { testAppServices } from '../kit/app-deps.js';
import { UNSIGNED_SIF, waitFor } from '../kit/index.js';
import { loadTestBed, testBedSkipReason } from '../support/testbed-env.js';
import {
  chromiumSkipReason,
  launchChromium,
  type TestBrowser,
  keepArtifactsOnFailure,
} from './browser.js';
import { SifportPage, waitForText } from './sifport-page.js';
import { ensureWebBuild, webBuildDir } from './web-build.js';

/**
 * The real renderer in Debian's Chromium, on the real handlers over the loopback host, against
 * the test bed's open registry (DESIGN.md: "the renderer must run in Debian's chromium under
 * Playwright against the same handlers over a loopback transport").
 */

const bed = loadTestBed();
/** Every test needs Chromium; only the push needs a registry. */
const noBrowser = chromiumSkipReason ?? false;
const noRegistry = chromiumSkipReason ?? (bed ? false : testBedSkipReason);

describe('the renderer in Chromium over the loopback host', () => {
  let host: LoopbackHost;
  let browser: TestBrowser;
  let sifport: SifportPage;
  let uploads: string;
  let profileDir: string;

  before(async () => {
    if (noBrowser) return;
    await ensureWebBuild();
    profileDir = await mkdtemp(join(tmpdir(), 'sifport-web-profile-'));
    const services = await testAppServices(profileDir);
    uploads = services.profile.paths.uploads;
    host = await startLoopbackHost({
      staticDir: webBuildDir,
      uploadsDir: uploads,
      handlers: (emit) =>
        services.handlers({ emit, notifier: NO_NOTIFICATIONS, desktop: BROWSER_DESKTOP_HOOKS }),
    });
    browser = await launchChromium();
    sifport = new SifportPage(await browser.newPage());
    await step('open', () => sifport.open(host.url));
  });

  after(async () => {
    await browser?.close();
    await host?.stop();
    if (profileDir) await rm(profileDir, { recursive: true, force: true });
  });

  test(
    'a SIF dropped on the window is uploaded by the browser and pushed byte for byte',
    { skip: noRegistry },
    () =>
      step('drop-push', async () => {
        const repository = `oras://${bed!.open.host}/web/drop${Date.now().toString(36)}`;
        await sifport.page.getByLabel('Push to').fill(`${repository}:dropped`);
        await sifport.dropFile(UNSIGNED_SIF, 'my image.sif');
        const row = sifport.transfer(`${repository}:dropped`);
        const text = await waitForText(row, /done .*sha256:[a-f0-9]{64}|failed/, 60_000);
        assert.match(text, /done/);
        const out = join(profileDir, 'pulled.sif');
        const client = new RegistryClient({ registry: bed!.open.host });
        try {
          await pullSif({
            client,
            reference: parseReference(`${repository}:dropped`),
            destination: out,
          });
        } finally {
          client.close();
        }
        assert.deepEqual(await readFile(out), await readFile(UNSIGNED_SIF));
        await rm(out, { force: true });
        await waitFor(async () => (await readdir(uploads)).length === 0, {
          what: 'the uploaded copy to be removed once its push is done',
        });
      }),
  );

  const step = (name: string, body: () => Promise<void>): Promise<void> =>
    keepArtifactsOnFailure(browser, name, body);

  test(
    'pushes a SIF through the UI, shows its digest, then lists the new tag',
    { skip: noRegistry },
    () =>
      step('push-and-tags', async () => {
        assert.equal(await sifport.notConnected().count(), 0, 'the page should reach the host');
        const repository = `oras://${bed!.open.host}/web/t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
        await sifport.push(UNSIGNED_SIF, `${repository}:v1`);
        const row = sifport.transfer(`${repository}:v1`);
        const text = await waitForText(row, /done .*sha256:[a-f0-9]{64}|failed/, 60_000);
        assert.match(text, /done \(SIF uploaded\) sha256:[a-f0-9]{64}/);
        assert.equal(await sifport.pushError().count(), 0);

        await sifport.listTags(repository);
        assert.match(await waitForText(sifport.tags(), /v1/), /^v1$/);
        assert.equal(await sifport.tagsError().count(), 0);
        const cspViolations = browser.log.filter((l) => /Content Security Policy/i.test(l));
        assert.deepEqual(cspViolations, []);
      }),
  );

  test('an invalid reference shows a clear error', { skip: noBrowser }, () =>
    step('invalid-reference', async () => {
      await sifport.push(UNSIGNED_SIF, 'oras://Bad Host/UPPER:x');
      assert.match(await waitForText(sifport.pushError(), /\S/), /reference|invalid/i);
      await sifport.listTags('oras://Bad Host/UPPER');
      assert.match(await waitForText(sifport.tagsError(), /\S/), /reference|invalid/i);
    }),
  );

  test(
    'a page with a wrong token is refused and says it is not connected',
    { skip: noBrowser },
    () =>
      step('wrong-token', async () => {
        const page = await browser.newPage();
        try {
          const other = new SifportPage(page);
          await other.open(`${host.origin}/#token=${'A'.repeat(43)}`);
          await other.notConnected().waitFor({ timeout: 10_000 });
        } finally {
          await page.close();
        }
      }),
  );

  test(
    'another local page cannot open the socket, even knowing the token',
    { skip: noBrowser },
    () =>
      step('other-origin', async () => {
        const foreign: Server = createServer((_req, res) =>
          res
            .writeHead(200, { 'Content-Type': 'text/html' })
            .end('<!doctype html><title>other</title>'),
        );
        await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
        const page = await browser.newPage();
        try {
          await page.goto(`http://127.0.0.1:${(foreign.address() as AddressInfo).port}/`);
          const outcome = await page.evaluate(
            (url) =>
              new Promise<string>((resolve) => {
                const ws = new WebSocket(url);
                ws.onopen = () => resolve('open');
                ws.onclose = () => resolve('refused');
              }),
            host.socketUrl,
          );
          assert.equal(outcome, 'refused');
        } finally {
          await page.close();
          foreign.closeAllConnections();
          await new Promise((resolve) => foreign.close(resolve));
        }
      }),
  );
});
