import { RegistryClient, type RegistryOptions } from '../../main/engine/registry/client.js';
import { parseReference } from '../../main/engine/registry/reference.js';
import { toSifportError, type SifportError } from '../../main/engine/errors.js';
import { pullSif, type PullOptions, type PullResult } from '../../main/engine/transfers/pull.js';
import { pushSif, type PushOptions, type PushResult } from '../../main/engine/transfers/push.js';
import { startBodyFaultProxy, type BodyFault, type BodyFaultLogEntry } from './body-fault-proxy.js';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.js';
import { bed, FAST_RETRY, type RegistryName } from './bed.js';

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

/**
 * Runs `body` with a client through a running proxy (fast retries, then `options`), and
 * afterwards closes the client and stops the proxy, whether `body` succeeded or not.
 */
export async function withProxyClient<
  P extends { readonly host: string; stop(): Promise<void> },
  T,
>(
  proxy: P,
  body: (proxy: P, client: RegistryClient) => Promise<T>,
  options: Partial<RegistryOptions> = {},
): Promise<T> {
  const client = new RegistryClient({ registry: proxy.host, retry: FAST_RETRY, ...options });
  try {
    return await body(proxy, client);
  } finally {
    client.close();
    await proxy.stop();
  }
}

/** Which registry {@link viaProxy} fronts (default: open) and extra options for its client. */
export interface ViaProxyOptions {
  readonly registry?: RegistryName;
  readonly client?: Partial<RegistryOptions>;
}

/** Runs `body` with a fault proxy in front of a bed registry and a client through it. */
export async function viaProxy(
  body: (proxy: FaultProxy, client: RegistryClient) => Promise<void>,
  options: ViaProxyOptions = {},
): Promise<void> {
  const proxy = await startFaultProxy(bed![options.registry ?? 'open'].url);
  await withProxyClient(proxy, body, options.client);
}

/** Pushes `file` with `client` through `proxy` to `target` (`repo:tag`), `options` on top. */
export function pushThrough(
  proxy: { readonly host: string },
  client: RegistryClient,
  file: string,
  target: string,
  options: Partial<PushOptions> = {},
): Promise<PushResult> {
  return pushSif({
    client,
    file,
    reference: parseReference(`${proxy.host}/${target}`),
    ...options,
  });
}

/** How a pull through faults ended, and the blob requests the proxy saw. */
export interface FaultyPull {
  readonly value: PullResult | undefined;
  readonly error: SifportError | undefined;
  readonly log: readonly BodyFaultLogEntry[];
}

/**
 * Pulls `repo:v1` of the open bed registry through a proxy that treats each blob GET's body
 * as `plan` says (n counts them from 0), with `options` (destination, connections…).
 */
export async function pullThroughBodyFaults(
  repo: string,
  plan: (n: number) => BodyFault,
  options: Omit<PullOptions, 'client' | 'reference'>,
): Promise<FaultyPull> {
  return withProxyClient(await startBodyFaultProxy(bed!.open.url, plan), async (proxy, client) => {
    const outcome = await pullSif({
      client,
      reference: parseReference(`${proxy.host}/${repo}:v1`),
      ...options,
    }).then(
      (value) => ({ value, error: undefined }),
      (error: unknown) => ({ value: undefined, error: toSifportError(error) }),
    );
    return { ...outcome, log: proxy.requests.filter((r) => r.path.includes('/blobs/')) };
  });
}
