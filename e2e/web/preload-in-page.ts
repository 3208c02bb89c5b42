import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { BUILT_PRELOAD, ensureShellBuild } from '../electron/shell-build.js';

/**
 * Runs the BUILT Electron preload (`dist/preload/index.cjs`) in a Chromium page before the
 * window's own code, with a stand-in `electron` whose `ipcRenderer` carries the preload's
 * frames to the loopback host over its WebSocket (issue #11). The renderer then finds
 * `window.sifportTransport` and takes exactly the desktop app's client path; the page counts
 * the frames the preload sent in `window.__preloadFramesSent`.
 */
export async function installBuiltPreload(page: Page): Promise<void> {
  await ensureShellBuild();
  const bundle = await readFile(BUILT_PRELOAD, 'utf8');
  const script = `(() => {
    const token = new URLSearchParams(location.hash.slice(1)).get('token');
    if (!token) return;
    const socket = new WebSocket('ws://' + location.host + '/ipc/' + token);
    const pending = [];
    const listeners = new Map();
    window.__preloadFramesSent = 0;
    socket.addEventListener('open', () => { for (const f of pending.splice(0)) socket.send(f); });
    socket.addEventListener('message', (event) => {
      for (const listener of listeners.get('sifport:message') ?? []) listener({}, event.data);
    });
    const electron = {
      contextBridge: { exposeInMainWorld: (name, api) => { window[name] = Object.freeze(api); } },
      ipcRenderer: {
        send(channel, frame) {
          if (channel !== 'sifport:message') throw new Error('unexpected channel ' + channel);
          window.__preloadFramesSent++;
          if (socket.readyState === 1) socket.send(frame); else pending.push(frame);
        },
        on(channel, listener) {
          const set = listeners.get(channel) ?? new Set();
          listeners.set(channel, set);
          set.add(listener);
        },
        off(channel, listener) { listeners.get(channel)?.delete(listener); },
      },
      webUtils: { getPathForFile: () => '' },
    };
    const module = { exports: {} };
    const require = (name) => {
      if (name === 'electron') return electron;
      throw new Error('the sandboxed preload may require only electron, not ' + name);
    };
    (function (require, module, exports) { ${bundle}\n })(require, module, module.exports);
  })();`;
  await page.addInitScript({ content: script });
}
