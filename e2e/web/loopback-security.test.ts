import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startLoopbackHost, type LoopbackHost } from '../../main/app/loopback-host.js';
import { BROWSER_DESKTOP_HOOKS } from '../../main/app/desktop-hooks.js';
import { NO_NOTIFICATIONS } from '../../main/app/handlers.js';
import { testAppServices } from '../kit/app-deps.js';
import {
  chromiumSkipReason,
  launchChromium,
  type TestBrowser,
  keepArtifactsOnFailure,
} from './browser.js';
import { SifportPage } from './sifport-page.js';
import { ensureWebBuild, webBuildDir } from './web-build.js';

/**
 * The loopback host's guard in a real browser: only the page the host served, with its
 * token, may open the socket (DESIGN.md "Security posture", issue #11).
 */

const noBrowser = chromiumSkipReason ?? false;

describe('the loopback host refuses pages that are not its own', () => {
  let host: LoopbackHost;
  let browser: TestBrowser;
  let profileDir: string;

  before(async () => {
    if (noBrowser) return;
    await ensureWebBuild();
    profileDir = await mkdtemp(join(tmpdir(), 'sifport-web-profile-'));
    const services = await testAppServices(profileDir);
    host = await startLoopbackHost({
      staticDir: webBuildDir,
      uploadsDir: services.profile.paths.uploads,
      handlers: (emit) =>
        services.handlers({ emit, notifier: NO_NOTIFICATIONS, desktop: BROWSER_DESKTOP_HOOKS }),
    });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await host?.stop();
    if (profileDir) await rm(profileDir, { recursive: true, force: true });
  });

  const step = (name: string, body: () => Promise<void>): Promise<void> =>
    keepArtifactsOnFailure(browser, name, body);

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
