import type { RequestOf, ResponseOf } from '../../../../shared/contract.js';
import type { TagDetails, TransferView } from '../../store/domain.js';
import type { SliceOf } from '../../store/slice.js';
import { repositoryRef } from './references.js';
import { parseTypedReference } from '../palette/oras-reference.js';

/** What a dry run of `registry:delete` said about one reference. */
export type DeletePreview = ResponseOf<'registry:delete'>;

/**
 * The slice behind the Pull, Copy to… and Delete dialogs (S8): the host calls they make.
 * Each rejects with the host's error (code, message) for the dialog to show beside the
 * field or action it concerns; transfers it starts go to the drawer.
 */
export interface DialogsSlice {
  /** Each tag reference's details (size, digest, kind), by reference; digests are skipped. */
  describeReferences(references: readonly string[]): Promise<ReadonlyMap<string, TagDetails>>;
  /** Free space and existing names of a folder a pull writes to (`files:space`). */
  checkFolder(path: string, names: readonly string[]): Promise<ResponseOf<'files:space'>>;
  /** Desktop: the native folder chooser; undefined when cancelled. */
  chooseFolder(defaultPath?: string): Promise<string | undefined>;
  /** Queues pulls and shows the first in the drawer. */
  startPulls(requests: readonly RequestOf<'transfer:pull'>[]): Promise<readonly TransferView[]>;
  /** Queues copies and shows the first in the drawer. */
  startCopies(requests: readonly RequestOf<'registry:copy'>[]): Promise<readonly TransferView[]>;
  /** What deleting `reference` would take with it (its digest and every tag on it). */
  previewDelete(reference: string): Promise<DeletePreview>;
  /** Deletes a digest (`oras://HOST/REPO@sha256:…`); the explorer refreshes after. */
  deleteDigest(reference: string): Promise<DeletePreview>;
}

/** Creates the dialogs slice over the host's channels. */
export const createDialogsSlice: SliceOf<DialogsSlice> = (host) => (_set, get) => {
  /** Queues each request; the jobs queued show in the drawer even when a later one fails. */
  const queueEach = async <R>(
    requests: readonly R[],
    queue: (request: R) => Promise<{ job: TransferView }>,
  ): Promise<readonly TransferView[]> => {
    const jobs: TransferView[] = [];
    try {
      for (const request of requests) jobs.push((await queue(request)).job);
      return jobs;
    } finally {
      for (const job of jobs) get().jobChanged(job);
      if (jobs[0]) get().selectTransfer(jobs[0].id);
      const n = jobs.length;
      if (n > 0) get().announce(n === 1 ? `${jobs[0]!.label} started.` : `${n} transfers started.`);
    }
  };
  return {
    async describeReferences(references) {
      const byRepo = new Map<string, string[]>();
      for (const reference of references) {
        const parts = parseTypedReference(reference);
        if (!parts?.tag || parts.digest) continue;
        const repo = repositoryRef(parts);
        byRepo.set(repo, [...(byRepo.get(repo) ?? []), parts.tag]);
      }
      const out = new Map<string, TagDetails>();
      for (const [repository, tags] of byRepo) {
        for (let i = 0; i < tags.length; i += 100) {
          const { details } = await host.invoke('registry:details', {
            repository,
            tags: tags.slice(i, i + 100),
          });
          for (const d of details) out.set(`${repository}:${d.tag}`, d);
        }
      }
      return out;
    },
    checkFolder: (path, names) => host.invoke('files:space', { path, names: [...names] }),
    async chooseFolder(defaultPath) {
      const request = defaultPath ? { defaultPath, title: 'Pull into' } : { title: 'Pull into' };
      return (await host.invoke('dialog:chooseFolder', request)).path;
    },
    startPulls: (requests) => queueEach(requests, (r) => host.invoke('transfer:pull', r)),
    startCopies: (requests) => queueEach(requests, (r) => host.invoke('registry:copy', r)),
    previewDelete: (reference) => host.invoke('registry:delete', { reference, dryRun: true }),
    async deleteDigest(reference) {
      const result = await host.invoke('registry:delete', { reference, dryRun: false });
      get().refresh();
      return result;
    },
  };
};
