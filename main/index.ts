import { app, nativeTheme, session } from 'electron';
import { fileURLToPath } from 'node:url';
import type { EventName, EventOf } from '../shared/contract.js';
import { sifFilesIn } from './app/open-files.js';
import { createProtocolServer, eventFrame } from './app/protocol-server.js';
import { createAppServices } from './app/services.js';
import { TransferAggregate } from './app/transfer-aggregate.js';
import { registerAppScheme, serveApp } from './electron/app-protocol.js';
import { openDesktopProfile } from './electron/app-profile.js';
import { bindIpc, sendFrame } from './electron/ipc.js';
import { installMenu } from './electron/menu.js';
import { electronDesktopHooks } from './electron/desktop-hooks.js';
import { desktopNotifier } from './electron/notifier.js';
import { denyAllPermissions } from './electron/permissions.js';
import { createMainWindow, lockDown } from './electron/window.js';

/** The built renderer beside the built main process (`dist/main` → `dist-web`). */
const WEB_ROOT = fileURLToPath(new URL('../../dist-web/', import.meta.url));

/**
 * Composition root of the desktop app (STYLE §11): the engine's services from
 * `createAppServices`, bound to one window through the client protocol on one IPC channel.
 */
async function start(): Promise<void> {
  await app.whenReady();
  denyAllPermissions(session.defaultSession);
  serveApp(WEB_ROOT);
  const services = await createAppServices(await openDesktopProfile());
  nativeTheme.themeSource = (await services.settings.get()).theme;

  const window = createMainWindow();
  const aggregate = new TransferAggregate();
  const emit = <E extends EventName>(event: E, payload: EventOf<E>): void => {
    sendFrame(window.webContents, eventFrame(event, payload));
    if (event === 'transfer:progress') {
      window.setProgressBar(aggregate.progressed(payload as EventOf<'transfer:progress'>));
    } else if (event === 'transfer:finished') {
      window.setProgressBar(aggregate.finished((payload as EventOf<'transfer:finished'>).job.id));
    } else if (event === 'settings:changed') {
      nativeTheme.themeSource = (payload as EventOf<'settings:changed'>).settings.theme;
    }
  };
  bindIpc(
    createProtocolServer(
      services.handlers({
        emit,
        notifier: desktopNotifier(window, services.settings, emit),
        desktop: electronDesktopHooks(window),
      }),
    ),
  );
  installMenu((command) => emit('app:command', { command }), process.platform === 'darwin');

  const openFiles = (paths: string[]): void => {
    if (paths.length > 0) emit('app:open-files', { paths });
  };
  window.webContents.once('did-finish-load', () =>
    openFiles(sifFilesIn(process.argv.slice(1), process.cwd())),
  );
  app.on('second-instance', (_event, argv, cwd) => {
    if (window.isMinimized()) window.restore();
    window.focus();
    openFiles(sifFilesIn(argv.slice(1), cwd));
  });
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openFiles([path]);
  });
  app.on('window-all-closed', () => app.quit());
  // Running transfers stop cleanly and show as interrupted, with Resume, after a restart.
  let closed = false;
  app.on('before-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    void services.close().finally(() => {
      closed = true;
      app.quit();
    });
  });
}

registerAppScheme();
app.on('web-contents-created', (_event, contents) => lockDown(contents));
if (app.requestSingleInstanceLock()) {
  void start();
} else {
  app.quit();
}
