import type { ManifestDocument, RemotePeek } from '../../store/domain.js';
import { errorState, type ErrorState, type SliceOf } from '../../store/slice.js';
import { digestReference } from '../explorer/tag-reference.js';
import type { PaneTarget } from '../shell/view-slice.js';

/** An answer being fetched, fetched, or refused (the error keeps its code for the action). */
export type Loadable<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'done'; readonly value: T }
  | { readonly status: 'failed'; readonly error: ErrorState };

/**
 * The Details pane's documents (UI.md S6): manifests with their exact bytes and the remote
 * SIF peeks, cached by digest, since what a digest names never changes.
 */
export interface DocumentsSlice {
  /** `registry:manifest` answers by manifest digest. */
  readonly manifests: Readonly<Record<string, Loadable<ManifestDocument>>>;
  /** `registry:peek` answers by manifest digest. */
  readonly peeks: Readonly<Record<string, Loadable<RemotePeek>>>;
  /** Fetches the manifest `digest` of `target` unless cached or on its way; a failure retries. */
  loadManifest(target: PaneTarget, digest: string): Promise<void>;
  /** Reads the SIF of image `digest` by Range, unless cached or on its way. */
  loadPeek(target: PaneTarget, digest: string): Promise<void>;
}

type Cache = 'manifests' | 'peeks';

/** Creates the documents part of the explorer slice. */
export const createDocumentsSlice: SliceOf<DocumentsSlice> = (host) => (set, get) => {
  async function load<C extends Cache>(
    cache: C,
    digest: string,
    fetch: () => Promise<DocumentsSlice[C][string] extends Loadable<infer T> ? T : never>,
  ): Promise<void> {
    const status = get()[cache][digest]?.status;
    if (status === 'loading' || status === 'done') return;
    const put = (entry: Loadable<unknown>) =>
      set((s) => ({ [cache]: { ...s[cache], [digest]: entry } }) as Partial<DocumentsSlice>);
    put({ status: 'loading' });
    try {
      put({ status: 'done', value: await fetch() });
    } catch (err) {
      put({ status: 'failed', error: errorState(err) });
    }
  }
  return {
    manifests: {},
    peeks: {},
    loadManifest: (target, digest) =>
      load('manifests', digest, () =>
        host.invoke('registry:manifest', { reference: digestReference(target, digest) }),
      ),
    loadPeek: (target, digest) =>
      load('peeks', digest, () =>
        host.invoke('registry:peek', { reference: digestReference(target, digest) }),
      ),
  };
};
