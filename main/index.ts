import { app } from 'electron';
import { join } from 'node:path';
import { createHandlers } from './app/handlers.js';
import { registryClients } from './app/registry-clients.js';
import { proxySettingsFromEnv } from './engine/registry/transport/proxy/settings.js';
import { MemoryUploadTuningStore } from './engine/registry/upload-tuning.js';
import { FileDigestCache } from './engine/transfers/digest-cache.js';
import { createAppAccounts } from './electron/app-accounts.js';
import { bindIpc, sendEvent } from './electron/ipc.js';
import { notify } from './electron/notify.js';
import { systemProxy } from './electron/system-proxy.js';
import { createMainWindow } from './electron/window.js';

/** Composition root of the desktop app (STYLE §11): build the engine services, bind them. */
async function main(): Promise<void> {
  await app.whenReady();
  const window = createMainWindow();
  const { service, storage } = await createAppAccounts(app.getPath('userData'));
  const clients = registryClients(service, `sifport/${app.getVersion()}`, {
    ...proxySettingsFromEnv(),
    systemProxy,
  });
  const handlers = createHandlers({
    clientFor: clients.clientFor,
    accounts: { service, storage, clients },
    emit: (event, payload) => sendEvent(window.webContents, event, payload),
    digestCache: new FileDigestCache(join(app.getPath('userData'), 'digest-cache.json')),
    tuning: new MemoryUploadTuningStore(),
    notify,
  });
  bindIpc(handlers);
  app.on('window-all-closed', () => app.quit());
}

void main();
