import { pullSignatureCheck, type Keyring } from '../../keys/index.js';
import type { RegistryClient } from '../../registry/client.js';
import { parseReference } from '../../registry/reference.js';
import type { UploadTuningStore } from '../../registry/upload-tuning.js';
import { copySif, type CopyResult } from '../copy.js';
import type { DigestCache } from '../digest-cache.js';
import type { UploadSessionStore } from '../upload-sessions.js';
import { pullSif } from '../pull.js';
import { describePush } from '../push-summary.js';
import { pushSif } from '../push.js';
import type { JobConnection, JobResult, JobRunner, PullJobSpec } from './job.js';
import { SifportError, toSifportError } from '../../errors.js';

/** What {@link createJobRunner} needs from the app. */
export interface RunJobDeps {
  /**
   * A client for `registry`, logged in with the account for `repository` (the app's
   * `registryClients().clientFor`). Each call must return a client for this job alone: it is
   * closed when the job's attempt ends.
   */
  clientFor(
    registry: string,
    connection: JobConnection,
    repository: string,
  ): RegistryClient | Promise<RegistryClient>;
  /** Remembers file digests, so a re-push is a few HEAD requests. */
  readonly digestCache: DigestCache;
  /** Chunk sizes learnt per registry. */
  readonly tuning: UploadTuningStore;
  /** Upload sessions a push has open, so the next push cancels one a crash left. */
  readonly uploadSessions: UploadSessionStore;
  /** The profile's keyring and its folder, for pulls that verify (`PullJobSpec.verify`). */
  readonly keyring?: { readonly keyring: Keyring; readonly dir: string } | undefined;
  /**
   * Connections a pull of a large image uses, read when each pull starts (a setting); 0 or
   * absent: pullSif's automatic choice.
   */
  readonly pullConnections?: (() => number) | undefined;
}

const MiB = 1024 * 1024;

/** "2 blobs copied (3.0 MiB), 1 mounted" — how a copy went, for people. */
export function describeCopy(result: Pick<CopyResult, 'blobs' | 'bytesCopied'>): string {
  const count = (how: string): number => result.blobs.filter((b) => b.how === how).length;
  const parts: string[] = [];
  if (count('copied') > 0) {
    parts.push(`${count('copied')} blobs copied (${(result.bytesCopied / MiB).toFixed(1)} MiB)`);
  }
  if (count('mounted') > 0) parts.push(`${count('mounted')} mounted`);
  if (count('present') > 0) parts.push(`${count('present')} already there`);
  return parts.join(', ') || 'nothing to copy';
}

/** The check a pull that verifies runs before its file lands, with the keyring's keys. */
async function signatureCheck(
  deps: RunJobDeps,
  verify: NonNullable<PullJobSpec['verify']>,
  signal: AbortSignal,
) {
  if (!deps.keyring) {
    throw new SifportError('UNSUPPORTED', 'This host has no keyring to verify pulls with.');
  }
  const where = `the keyring ${deps.keyring.dir}`;
  const keys = await deps.keyring.keyring.publicKeys().catch((err: unknown) => {
    throw toSifportError(err);
  });
  return pullSignatureCheck({ keys, fingerprint: verify.fingerprint, where, signal });
}

/**
 * The queue's runner over the engine (issue #11): a push spec runs `pushSif`, a pull
 * `pullSif` (verifying with the keyring first when asked, as `pull --fingerprint`), a copy
 * `copySif`, each with the job's signal and progress. `resume` needs no
 * special path: a pull always continues its `.partial` file (kept when cancelled or cut
 * off), a push asks the registry what it already holds and restarts the blob otherwise, and
 * a copy skips blobs the target has.
 */
export function createJobRunner(deps: RunJobDeps): JobRunner {
  return async (spec, { signal, onProgress }) => {
    const connection = spec.connection ?? {};
    const opened: RegistryClient[] = [];
    const client = async (reference: string) => {
      const ref = parseReference(reference);
      const c = await deps.clientFor(ref.registry, connection, ref.repository);
      opened.push(c);
      return { client: c, reference: ref };
    };
    try {
      if (spec.kind === 'push') {
        const { client: c, reference } = await client(spec.reference);
        const result = await pushSif({
          client: c,
          file: spec.file,
          reference,
          digestCache: deps.digestCache,
          tuning: deps.tuning,
          uploadSessions: deps.uploadSessions,
          signal,
          onProgress,
        });
        return { digest: result.manifestDigest, summary: describePush(result) };
      }
      if (spec.kind === 'pull') {
        const check = spec.verify && (await signatureCheck(deps, spec.verify, signal));
        const { client: c, reference } = await client(spec.reference);
        const result = await pullSif({
          client: c,
          reference,
          destination: spec.destination,
          force: spec.force,
          arch: spec.arch,
          connections: deps.pullConnections?.() || undefined,
          signal,
          onProgress,
          beforeCommit: check?.beforeCommit,
        });
        const verified = check?.outcome()?.message;
        const summary: JobResult['summary'] = result.finishedByAnother
          ? 'another pull of the same image wrote the file'
          : verified && `verified: ${verified}`;
        return { digest: result.manifestDigest, path: result.path, summary, verified };
      }
      const from = await client(spec.from);
      const to = await client(spec.to);
      const result = await copySif({ from, to, signal, onProgress });
      return { digest: result.manifestDigest, summary: describeCopy(result) };
    } finally {
      for (const c of opened) c.close();
    }
  };
}
