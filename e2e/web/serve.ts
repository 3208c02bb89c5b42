/**
 * Starts the loopback host by hand, for trying the renderer in any local browser:
 *
 *   node --import tsx e2e/web/serve.ts      # prints the page URL; Ctrl-C stops it
 *
 * Same handlers as the desktop app (real registry clients, accounts kept in memory), no
 * Electron.
 */
import { startLoopbackHost } from '../../main/app/loopback-host.js';
import { sessionAccounts } from '../../main/app/session-accounts.js';
import { listRepositories, listTags } from '../../main/engine/registry/listing.js';
import { MemoryUploadTuningStore } from '../../main/engine/registry/upload-tuning.js';
import { ensureWebBuild, webBuildDir } from './web-build.js';

await ensureWebBuild();
const host = await startLoopbackHost({
  staticDir: webBuildDir,
  ...sessionAccounts(),
  tuning: new MemoryUploadTuningStore(),
  listTags: (client, repository) => listTags(client, repository),
  listRepositories: (client) => listRepositories(client),
});
process.stdout.write(`${host.url}\n`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void host.stop().then(() => process.exit(0)));
}
