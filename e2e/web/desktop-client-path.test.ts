/**
 * The desktop app's exact client path in a real browser (issue #11): the BUILT preload runs
 * in Chromium against a stand-in `ipcRenderer` that forwards its frames to the loopback
 * host, so the renderer talks through `window.sifportTransport` as it does in Electron.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { BROWSER_DESKTOP_HOOKS } from '../../main/app/desktop-hooks.js';
import { NO_NOTIFICATIONS } from '../../main/app/handlers.js';
import { startLoopbackHost, type LoopbackHost } from '../../main/app/loopback-host.js';
import { testAppServices } from '../kit/app-deps.js';
import { UNSIGNED_SIF } from '../kit/index.js';
import { keepArtifactsOnFailure, launchChromium, type TestBrowser } from './browser.js';
import { installBuiltPreload } from './preload-in-page.js';
import { SifportPage } from './sifport-page.js';
import { ensureWebBuild, webBuildDir } from './web-build.js';
import { windowTestBed } from './harness/window-bed.js';

const { bed, skip } = windowTestBed();

describe('the renderer through the built preload, in Chromium', { skip }, () => {
  let dir: string;
  let host: LoopbackHost;
  let browser: TestBrowser;
  let sifport: SifportPage;

  before(async () => {
    await ensureWebBuild();
    dir = await mkdtemp(join(tmpdir(), 'sifport-preload-path-'));
    const services = await testAppServices(dir);
    host = await startLoopbackHost({
      staticDir: webBuildDir,
      handlers: (emit) =>
        services.handlers({ emit, notifier: NO_NOTIFICATIONS, desktop: BROWSER_DESKTOP_HOOKS }),
    });
    browser = await launchChromium();
    const page = await browser.newPage();
    await installBuiltPreload(page);
    sifport = new SifportPage(page);
    await sifport.open(host.url);
  });

  after(async () => {
    await browser?.close();
    await host?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('a push and a tag listing go through the preload transport, not the WebSocket bridge', () =>
    keepArtifactsOnFailure(browser, 'preload-path', async () => {
      const page = sifport.page;
      assert.equal(
        await page.evaluate(
          () => typeof (globalThis as { sifportTransport?: unknown }).sifportTransport,
        ),
        'object',
      );
      const repository = `oras://${bed!.open.host}/web/preload${Date.now().toString(36)}`;
      // The window's own client (`window.sifport`, built on the preload's pipe) makes the calls.
      type Client = { invoke(channel: string, request: unknown): Promise<unknown> };
      const pushed = await page.evaluate(
        async ({ file, reference }) => {
          const api = (globalThis as unknown as { sifport: Client }).sifport;
          const { job } = (await api.invoke('transfer:push', { file, reference })) as {
            job: { id: string };
          };
          for (let i = 0; i < 600; i++) {
            const { jobs } = (await api.invoke('transfer:list', {})) as {
              jobs: { id: string; state: string }[];
            };
            const state = jobs.find((j) => j.id === job.id)?.state;
            if (state && state !== 'queued' && state !== 'running') return state;
            await new Promise((r) => setTimeout(r, 100));
          }
          return 'timed out';
        },
        { file: UNSIGNED_SIF, reference: `${repository}:v1` },
      );
      assert.equal(pushed, 'done');
      const listed = await page.evaluate(
        (repository) =>
          (globalThis as unknown as { sifport: Client }).sifport.invoke('registry:tags', {
            repository,
          }),
        repository,
      );
      assert.deepEqual(listed, { tags: ['v1'] });
      const sent = await page.evaluate(
        () => (globalThis as { __preloadFramesSent?: number }).__preloadFramesSent ?? 0,
      );
      assert.ok(sent >= 3, `the preload carried the calls (${sent} frames)`);
      const errors = browser.log.filter(
        (l) => l.startsWith('[pageerror]') || /Content Security Policy/i.test(l),
      );
      assert.deepEqual(errors, []);
    }));
});
