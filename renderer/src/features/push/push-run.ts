import type { SifportApi } from '../../../../shared/contract.js';
import type { TransferView } from '../../store/domain.js';
import { errorState } from '../../store/slice.js';
import type { PushFile } from '../shell/view-slice.js';
import { signedCopyPath } from './push-names.js';

/** One push the sheet asks for: a file, where it goes, and whether to sign it first. */
export interface PushItem {
  readonly key: string;
  readonly file: PushFile;
  readonly reference: string;
  readonly sign: boolean;
}

/** The key and passphrase to sign with; the passphrase goes to `sif:sign` and nowhere else. */
export interface Signing {
  readonly fingerprint: string;
  readonly passphrase: string;
}

/** What the sheet shows while files are copied to the host or signed before their push. */
export interface PushRun {
  readonly step: string;
  readonly done?: number;
  readonly total?: number;
  readonly error?: string;
}

/** What {@link runPushes} did: the jobs queued, and the first failure (which stops the run). */
export interface PushOutcome {
  readonly jobs: readonly { readonly key: string; readonly job: TransferView }[];
  readonly error?: string;
}

const ATTEMPTS = 5;

/**
 * Signs a copy beside the original (`bwa.signed.sif`, `bwa.signed-2.sif` when taken) so the
 * file the user chose stays as it was, or, for the browser mode's upload (already a copy of
 * its own), that copy in place. Returns the path to push.
 */
async function signForPush(
  host: SifportApi,
  path: string,
  signing: Signing,
  ownCopy: boolean,
): Promise<string> {
  if (ownCopy) return (await host.invoke('sif:sign', { path, ...signing })).path;
  for (let attempt = 1; ; attempt++) {
    try {
      const copyTo = signedCopyPath(path, attempt);
      return (await host.invoke('sif:sign', { path, copyTo, ...signing })).path;
    } catch (err) {
      const { code, message } = errorState(err);
      if (code !== 'FILE_ERROR' || !/already exists/.test(message) || attempt >= ATTEMPTS) {
        throw err;
      }
    }
  }
}

/**
 * Queues one `transfer:push` per item, in order: a browser `File` is first copied to the
 * host (its progress goes to `report`), and an item marked `sign` is signed first. The first
 * failure stops the run; the jobs already queued stay queued.
 */
export async function runPushes(
  host: SifportApi,
  items: readonly PushItem[],
  signing: Signing | undefined,
  report: (run: PushRun) => void,
  signal: AbortSignal,
): Promise<PushOutcome> {
  const jobs: { key: string; job: TransferView }[] = [];
  for (const item of items) {
    const name = item.file.name;
    try {
      let path = item.file.path;
      const upload = item.file.file;
      if (!path && upload) {
        if (!host.uploadFile) throw new Error('This window can push only files it has a path for.');
        const total = upload.size;
        report({ step: `Copying ${name} to Sifport`, done: 0, total });
        path = await host.uploadFile(upload, {
          signal,
          onProgress: (done) => report({ step: `Copying ${name} to Sifport`, done, total }),
        });
      }
      if (!path) throw new Error('The window has neither the file nor its path.');
      if (item.sign && signing) {
        report({ step: `Signing ${name}` });
        path = await signForPush(host, path, signing, !item.file.path);
      }
      signal.throwIfAborted();
      const { job } = await host.invoke('transfer:push', { file: path, reference: item.reference });
      jobs.push({ key: item.key, job });
    } catch (err) {
      if (signal.aborted) return { jobs };
      return { jobs, error: `${name}: ${errorState(err).message}` };
    }
  }
  return { jobs };
}
