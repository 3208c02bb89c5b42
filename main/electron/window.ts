import { BrowserWindow, shell, type WebContents } from 'electron';
import { fileURLToPath } from 'node:url';
import { APP_ORIGIN } from './app-protocol.js';

/** Where the built preload lies beside the built main process (`dist/preload/index.cjs`). */
export const PRELOAD_PATH = fileURLToPath(new URL('../../preload/index.cjs', import.meta.url));
/** The window's page. */
export const PAGE_URL = `${APP_ORIGIN}/index.html`;

/** Opens https links in the user's browser; everything else is dropped. */
function openOutside(url: string): void {
  if (!url.startsWith('https://')) return;
  void shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK: https only, the user's browser, never this app
}

/**
 * Locks a window's contents down (Electron security checklist items 13–15): no navigation
 * away from the page, no new windows, no webviews. Links to https pages open in the user's
 * browser instead; nothing remote is ever loaded in the app.
 */
export function lockDown(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    openOutside(url);
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * The main window with the security posture of DESIGN.md: context isolation, sandbox, no
 * node integration, the page from `app://`, 1280×800 (min 960×600, UI.md §1). Its contents
 * are locked down by {@link lockDown}, which `main/index.ts` applies to every web contents.
 */
export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    title: 'Sifport',
    show: false,
    webPreferences: {
      preload: PRELOAD_PATH, // eng-disable PRELOAD_JS_CHECK: a message pipe only, see preload/index.ts
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // A middle click must not open a link in a new window (Electronegativity AUXCLICK).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(PAGE_URL);
  return window;
}
