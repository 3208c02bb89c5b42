import { BrowserWindow, shell } from 'electron';
import { fileURLToPath } from 'node:url';

/**
 * The main window with the security posture of DESIGN.md: context isolation, sandbox, no
 * node integration, no navigation away from the app, no new windows.
 */
export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1100,
    height: 720,
    title: 'Sifport',
    webPreferences: {
      preload: fileURLToPath(new URL('../../preload/index.cjs', import.meta.url)),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  void window.loadFile(fileURLToPath(new URL('../../../dist-web/index.html', import.meta.url)));
  return window;
}
