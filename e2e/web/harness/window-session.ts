import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { EventSink } from '../../../main/app/dispatch.js';
import type { AppServices } from '../../../main/app/services.js';
import type { RequestOf } from '../../../shared/contract.js';
import { BROWSER_DESKTOP_HOOKS } from '../../../main/app/desktop-hooks.js';
import { NO_NOTIFICATIONS } from '../../../main/app/handlers.js';
import { startLoopbackHost, type LoopbackHost } from '../../../main/app/loopback-host.js';
import { testAppServices, type TestAppOptions } from '../../kit/app-deps.js';
import { CHROMIUM_ARGS, chromiumPath } from '../browser.js';
import { ensureWebBuild, webBuildDir } from '../web-build.js';

/** The window's size in every e2e test and screenshot (UI.md §1's default). */
export const WINDOW_SIZE = { width: 1280, height: 800 } as const;

let browser: Promise<Browser> | undefined;

/** One headless Chromium per test process; each test gets its own context (fresh profile). */
function sharedBrowser(): Promise<Browser> {
  browser ??= chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  return browser;
}

/** Closes the shared Chromium; call it from the test file's `after`. */
export async function closeBrowser(): Promise<void> {
  const open = browser;
  browser = undefined;
  await (await open?.catch(() => undefined))?.close();
}

/** A window of its own: a fresh profile, host, browser context and page (STYLE §15). */
export interface WindowSession {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly host: LoopbackHost;
  readonly services: AppServices;
  /** The throw-away profile folder (keys, settings, history, uploads). */
  readonly profileDir: string;
  /** What the page printed (console, errors), for failure reports and CSP checks. */
  readonly log: readonly string[];
  /** Reloads the page and waits until the window has drawn again. */
  reload(): Promise<void>;
  /** Keeps a screenshot and the console log when `body` fails, then rethrows. */
  step<T>(name: string, body: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Options of {@link openWindow}. */
export interface WindowOptions extends TestAppOptions {
  readonly colorScheme?: 'light' | 'dark';
  /** Accounts saved before the window opens (see `bedAccount`); each is tested as it is added. */
  readonly accounts?: readonly RequestOf<'accounts:add'>[];
}

/**
 * Waits until React has drawn the frame (the toolbar's banner) or the unreachable screen and
 * its first effects ran (keyboard shortcuts answer from then on).
 */
export async function waitForWindow(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'Sifport', level: 1 }).waitFor({ state: 'attached' });
  await page.locator('html[data-window-ready]').waitFor({ state: 'attached' });
}

/**
 * Starts a host over a fresh profile (the app's real services, accounts in memory) and opens
 * the built window in Chromium at 1280×800.
 */
export async function openWindow(options: WindowOptions = {}): Promise<WindowSession> {
  await ensureWebBuild();
  const profileDir = await mkdtemp(join(tmpdir(), 'sifport-window-'));
  const services = await testAppServices(profileDir, options);
  const handlers = (emit: EventSink) =>
    services.handlers({ emit, notifier: NO_NOTIFICATIONS, desktop: BROWSER_DESKTOP_HOOKS });
  const seeding = handlers(() => undefined);
  for (const account of options.accounts ?? []) await seeding['accounts:add'](account);
  const host = await startLoopbackHost({
    staticDir: webBuildDir,
    uploadsDir: services.profile.paths.uploads,
    handlers,
  });
  const context = await (
    await sharedBrowser()
  ).newContext({ viewport: WINDOW_SIZE, colorScheme: options.colorScheme ?? 'light' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.origin });
  const page = await context.newPage();
  const log: string[] = [];
  page.on('console', (m) => log.push(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => log.push(`[pageerror] ${e.message}`));
  // Playwright starts intercepting file choosers when the first listener is added, without
  // waiting: a key pressed right after `waitForEvent('filechooser')` could open a chooser that
  // is not intercepted (seen once in CI). A listener for the whole session closes that race.
  page.on('filechooser', () => undefined);
  await page.goto(host.url);
  await waitForWindow(page);
  return {
    page,
    context,
    host,
    services,
    profileDir,
    log,
    async reload() {
      await page.reload();
      await waitForWindow(page);
    },
    async step(name, body) {
      try {
        return await body();
      } catch (err) {
        const dir = await mkdtemp(join(tmpdir(), `sifport-e2e-${name.replace(/\W+/g, '-')}-`));
        await page.screenshot({ path: join(dir, 'page.png') }).catch(() => undefined);
        await writeFile(join(dir, 'console.log'), `${log.join('\n')}\n`).catch(() => undefined);
        process.stderr.write(`e2e "${name}" failed; screenshot and console log in ${dir}\n`);
        throw err;
      }
    },
    async close() {
      await context.close().catch(() => undefined);
      await host.stop();
      await services.close();
      await rm(profileDir, { recursive: true, force: true });
    },
  };
}

/** Runs `body` in a fresh window ({@link openWindow}), closed afterwards whatever happens. */
export async function withWindow<T>(
  options: WindowOptions,
  body: (session: WindowSession) => Promise<T>,
): Promise<T> {
  const session = await openWindow(options);
  try {
    return await body(session);
  } finally {
    await session.close();
  }
}
