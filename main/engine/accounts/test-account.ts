import { isSifportError } from '../errors.js';
import type { RegistryClient } from '../registry/client.js';
import { CATALOG_SCOPE, pullScope } from '../registry/auth/scopes.js';
import { cancelUpload, startUpload } from '../registry/upload-session.js';
import type { AccountCapabilities } from './account.js';

/** Options of {@link testAccount}. */
export interface TestAccountOptions {
  /** Repository to probe pull, referrers and upload on (default `sifport-probe` in the namespace). */
  readonly repository?: string | undefined;
  /** Whether the provider allows tag deletion, when known (never probed: nothing is deleted). */
  readonly tagDelete?: boolean | undefined;
  readonly now?: (() => number) | undefined;
  readonly signal?: AbortSignal | undefined;
}

const EMPTY_DIGEST = `sha256:${'0'.repeat(64)}`;

/** The probe repository for an account: `NAMESPACE/sifport-probe`, or `sifport-probe`. */
export function probeRepository(namespace: string | undefined): string {
  return namespace ? `${namespace}/sifport-probe` : 'sifport-probe';
}

/** Status of a GET that must not throw on a refusal: undefined when the account was refused. */
async function statusOf(
  client: RegistryClient,
  path: string,
  scope: string,
  signal: AbortSignal | undefined,
): Promise<number | undefined> {
  try {
    const res = await client.request({
      method: 'GET',
      path,
      scopes: [scope],
      signal,
      what: `Probing ${path}`,
    });
    await res.discard();
    return res.status;
  } catch (err) {
    if (isSifportError(err, 'AUTH_REQUIRED', 'DENIED')) return undefined;
    throw err;
  }
}

/**
 * "Test connection" (issue #4): pings the registry with the account's credentials (a
 * rejected login throws), obtains a pull token for a probe repository, and probes what the
 * account may do: the catalog (oras.md §3.6), the referrers API (§3.7), and a chunked
 * upload session, opened and cancelled at once (§3.3). Tag deletion is not probed.
 */
export async function testAccount(
  client: RegistryClient,
  options: TestAccountOptions = {},
): Promise<AccountCapabilities> {
  const { signal } = options;
  const repository = options.repository ?? probeRepository(undefined);
  const { authScheme } = await client.ping(signal);
  const transport = (await client.baseUrl(signal)).protocol === 'https:' ? 'https' : 'http';
  // 404 NAME_UNKNOWN still proves the token for the repository was issued and accepted.
  const tags = await statusOf(client, `/v2/${repository}/tags/list`, pullScope(repository), signal);
  const pull = tags !== undefined && tags !== 401 && tags !== 403;
  const catalogStatus = await statusOf(client, '/v2/_catalog?n=1', CATALOG_SCOPE, signal);
  const catalog =
    catalogStatus === 200
      ? true
      : catalogStatus === undefined || catalogStatus === 403 || catalogStatus === 404
        ? false
        : 'unknown';
  const referrersStatus = pull
    ? await statusOf(
        client,
        `/v2/${repository}/referrers/${EMPTY_DIGEST}`,
        pullScope(repository),
        signal,
      )
    : undefined;
  const referrers =
    referrersStatus === 200
      ? true
      : referrersStatus === 404 || referrersStatus === 405
        ? false
        : 'unknown';
  return {
    checkedAt: (options.now ?? Date.now)(),
    authScheme: authScheme ?? null,
    transport,
    pull,
    catalog,
    referrers,
    chunkedUpload: await probeUpload(client, repository, signal),
    tagDelete: options.tagDelete ?? 'unknown',
  };
}

/** Opens an upload session and cancels it: true when pushing is allowed. */
async function probeUpload(
  client: RegistryClient,
  repository: string,
  signal: AbortSignal | undefined,
): Promise<boolean | 'unknown'> {
  try {
    const session = await startUpload(client, repository, signal);
    await cancelUpload(client, repository, session);
    return true;
  } catch (err) {
    if (isSifportError(err, 'AUTH_REQUIRED', 'DENIED')) return false;
    // ECR: the repository must exist first (NAME_UNKNOWN); other failures say nothing.
    if (isSifportError(err)) return 'unknown';
    throw err;
  }
}
