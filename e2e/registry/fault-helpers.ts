import { RegistryClient } from '../../main/engine/registry/client.js';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.js';
import { bed, FAST_RETRY } from './bed.js';

/** What the proxy saw, one `METHOD kind status` line per request, for readable assertions. */
export function summary(proxy: FaultProxy): string[] {
  return proxy.requests.map((r) => {
    const kind = r.path.includes('/manifests/')
      ? 'manifest'
      : r.path.includes('/blobs/uploads/')
        ? 'upload'
        : r.path.includes('/blobs/')
          ? 'blob'
          : r.path;
    return `${r.method} ${kind} ${r.outcome === 'cut' ? 'cut' : r.status}`;
  });
}

/** Runs `body` with a fault proxy in front of the open registry and a client through it. */
export async function viaProxy(
  body: (proxy: FaultProxy, client: RegistryClient) => Promise<void>,
): Promise<void> {
  const proxy = await startFaultProxy(bed!.open.url);
  const client = new RegistryClient({ registry: proxy.host, retry: FAST_RETRY });
  try {
    await body(proxy, client);
  } finally {
    client.close();
    await proxy.stop();
  }
}
