import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); Playwright never downloads a browser here. */
export const chromiumPath = '/usr/bin/chromium';

/** Why the browser tests skip, or undefined when Chromium is installed. */
export const chromiumSkipReason = existsSync(chromiumPath)
  ? undefined
  : `${chromiumPath} is missing: install Debian's chromium (apt-get install chromium; .ci/run does)`;

/** Chromium's flags for this machine's closed network (no background connections). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A Chromium with a fresh profile, and what the pages said (console, errors) for the logs. */
export interface TestBrowser {
  readonly context: BrowserContext;
  readonly log: string[];
  newPage(): Promise<Page>;
  /** Keeps a screenshot of every open page and the log; returns the folder. */
  keepArtifacts(name: string): Promise<string>;
  close(): Promise<void>;
}

/** Launches Debian's Chromium headless with a temporary `--user-data-dir`. */
export async function launchChromium(): Promise<TestBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'sifport-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const log: string[] = [];
  const watch = (page: Page): void => {
    page.on('console', (m) => log.push(`[${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => log.push(`[pageerror] ${e.message}`));
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  return {
    context,
    log,
    newPage: () => context.newPage(),
    async keepArtifacts(name) {
      const dir = await mkdtemp(join(tmpdir(), `sifport-e2e-web-${name.replace(/\W+/g, '-')}-`));
      let i = 0;
      for (const page of context.pages().filter((p) => p.url() !== 'about:blank')) {
        await page
          .screenshot({ path: join(dir, `page-${i++}.png`), fullPage: true })
          .catch(() => undefined);
      }
      await writeFile(join(dir, 'console.log'), `${log.join('\n')}\n`);
      return dir;
    },
    async close() {
      await context.close().catch(() => undefined);
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Runs one e2e step; when it fails, keeps screenshots and the console log and says where,
 * then rethrows.
 */
export async function keepArtifactsOnFailure(
  browser: TestBrowser,
  name: string,
  body: () => Promise<void>,
): Promise<void> {
  try {
    await body();
  } catch (err) {
    const dir = await browser.keepArtifacts(name).catch(() => 'could not be saved');
    process.stderr.write(`e2e/web "${name}" failed; screenshots and console log: ${dir}\n`);
    throw err;
  }
}
