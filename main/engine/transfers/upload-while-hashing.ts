import { SifportError } from '../errors.js';
import { pushScope } from '../registry/auth/scopes.js';
import { headBlob } from '../registry/blobs.js';
import { ResumableHash } from '../registry/transport/resumable-hash.js';
import { uploadBlob, type BlobUploadOptions } from '../registry/upload.js';

/** What {@link uploadWhileHashing} did. */
export interface UploadWhileHashingResult {
  readonly digest: string;
  /** `present`: the registry turned out to hold the blob and the upload was cancelled. */
  readonly blob: 'uploaded' | 'present';
  readonly resumes: number;
  readonly restarts: number;
}

/**
 * Uploads a file whose digest is not known yet without hashing it first: the upload starts at
 * once while the digest is computed alongside from the file, at disk speed (far faster than
 * most uploads). As soon as it is known, a HEAD asks whether the registry already has the
 * blob (pushed from another machine, say); if it has, the upload is cancelled (its session
 * deleted) and nothing more is sent. The digest also ends the upload, so its bytes are not
 * hashed a second time.
 */
export async function uploadWhileHashing(
  options: Omit<BlobUploadOptions, 'digest'>,
): Promise<UploadWhileHashingResult> {
  const { client, repository, signal } = options;
  const stopUpload = new AbortController();
  const stopEither = signal ? AbortSignal.any([signal, stopUpload.signal]) : stopUpload.signal;
  const hash = new ResumableHash();
  const digest = hash.catchUp(options.path, options.size, stopEither).then(() => hash.digest());
  let present = false;
  let unreadable: { error: unknown } | undefined;
  digest.then(
    async (d) => {
      if (stopUpload.signal.aborted) return;
      const size = await headBlob(client, repository, d, signal, pushScope(repository)).catch(
        () => undefined,
      );
      if (size !== undefined) {
        present = true;
        stopUpload.abort();
      }
    },
    (error: unknown) => {
      // The file could not be read to the end (it shrank, say): the upload cannot succeed.
      if (stopUpload.signal.aborted) return;
      unreadable = { error };
      stopUpload.abort();
    },
  );
  try {
    const result = await uploadBlob({
      ...options,
      digest,
      signal: stopEither,
    });
    return { ...result, blob: 'uploaded' };
  } catch (err) {
    if (present && !signal?.aborted) {
      return { digest: await digest, blob: 'present', resumes: 0, restarts: 0 };
    }
    if (unreadable && !signal?.aborted) {
      const { error } = unreadable;
      const why = error instanceof Error ? error.message : String(error);
      throw new SifportError('FILE_ERROR', `Cannot read ${options.path} to push it: ${why}.`, {
        cause: error,
      });
    }
    throw err;
  } finally {
    stopUpload.abort();
  }
}
