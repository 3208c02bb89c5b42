import './stand-in/register.js';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import {
  MESSAGE_CHANNEL,
  PRELOAD_GLOBAL,
  type PreloadTransport,
} from '../../shared/message-channel.js';
import type { SifportApi } from '../../shared/contract.js';
import { createWebApi } from '../../preload/web.js';
import { waitFor } from '../kit/poll.js';
import { BUILT_MAIN, BUILT_PRELOAD, ensureShellBuild } from './shell-build.js';
import * as electron from './stand-in/electron.js';

const { standIn } = electron;

/** The booted shell: the stand-in's records, the window, and the page's client over the preload. */
export interface BootedShell {
  readonly standIn: typeof standIn;
  readonly window: electron.BrowserWindow;
  /** The preload's exposed transport, as the page sees it. */
  readonly transport: PreloadTransport;
  /** The renderer's client on it (the same code as `renderer/src/api.ts`). */
  readonly api: SifportApi;
}

/**
 * Evaluates the BUILT preload bundle as Electron's sandboxed preload would run it, with the
 * stand-in as its `electron`, and returns what it exposed to the page.
 */
export async function loadBuiltPreload(): Promise<PreloadTransport> {
  const code = await readFile(BUILT_PRELOAD, 'utf8');
  const nodeRequire = createRequire(BUILT_PRELOAD);
  const module = { exports: {} };
  const requireForPreload = (name: string): unknown =>
    name === 'electron' ? electron : nodeRequire(name);
  new Function('require', 'module', 'exports', code)(requireForPreload, module, module.exports);
  const exposed = standIn.exposed.get(PRELOAD_GLOBAL) as PreloadTransport | undefined;
  if (!exposed) throw new Error(`the built preload did not expose ${PRELOAD_GLOBAL}`);
  return exposed;
}

let boots = 0;

/**
 * Boots the BUILT main process (`dist/main/index.js`) in this Node process under the
 * stand-in `electron`, with its profile in `userData`, and waits until its window is up and
 * its IPC channel bound. One boot per test file: the module runs once per import.
 */
export async function bootShell(userData: string): Promise<BootedShell> {
  await ensureShellBuild();
  standIn.app.userData = userData;
  await import(`${pathToFileURL(BUILT_MAIN).href}?boot=${boots++}`);
  standIn.app.becomeReady();
  await waitFor(
    () => standIn.windows.length > 0 && standIn.ipcMain.listenerCount(MESSAGE_CHANNEL) > 0,
    {
      timeoutMs: 10_000,
      what: 'the main process to open its window and bind its IPC channel',
    },
  );
  const window = standIn.windows[0]!;
  window.webContents.emit('did-finish-load');
  const transport = await loadBuiltPreload();
  const api = createWebApi({
    send: (text) => transport.send(text),
    onMessage: (listener) => void transport.onMessage(listener),
    onClose: () => undefined,
  });
  return { standIn, window, transport, api };
}
