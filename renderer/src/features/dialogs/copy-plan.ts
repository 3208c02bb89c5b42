import type { RequestOf } from '../../../../shared/contract.js';
import { sameHost, parseTypedReference } from '../palette/oras-reference.js';
import { referenceOf } from '../targets/target-rules.js';

/** How a copy reaches its target, as the Copy dialog says it (UI.md S8: "mode shown honestly"). */
export type CopyMode = 'retag' | 'mount' | 'stream';

/**
 * The mode of copying `from` to `registry`/`repository`: the same repository only adds a
 * tag; another repository of the same registry mounts the blobs there (the engine's
 * `copySif` asks for a cross-repository mount); another registry streams every byte through
 * this machine, straight from one to the other with no temporary file.
 */
export function copyMode(from: string, registry: string, repository: string): CopyMode {
  const source = parseTypedReference(from);
  if (!source || !sameHost(source.registry, registry)) return 'stream';
  return source.repository === repository ? 'retag' : 'mount';
}

/** The mode in words, with the bytes that would stream (UI.md: "streams 3.42 GiB …"). */
export function describeCopyMode(
  mode: CopyMode,
  bytes: string,
  target: string,
): { readonly title: string; readonly detail: string } {
  switch (mode) {
    case 'retag':
      return {
        title: 'Adds a tag in the same repository',
        detail:
          'Nothing is copied: the registry already holds every blob; only the manifest is put under the new tag.',
      };
    case 'mount':
      return {
        title: 'Server-side mount',
        detail: `Both repositories are on ${target}: the registry links the blobs, nothing streams through this machine (should it refuse to mount, Sifport streams them instead).`,
      };
    case 'stream':
      return {
        title: `Streams ${bytes} through this machine`,
        detail: `Another registry: each blob is downloaded and uploaded to ${target} at once, with no temporary file. The manifest is put byte for byte, so the digest stays the same.`,
      };
  }
}

/**
 * The `registry:copy` requests: each source to the target repository, under the tag chosen
 * (one image) or its own tag (several; a digest reference keeps its digest).
 */
export function copyRequests(
  references: readonly string[],
  target: { readonly registry: string; readonly repository: string; readonly tag: string },
): RequestOf<'registry:copy'>[] {
  return references.map((from) => {
    const source = parseTypedReference(from);
    const tag =
      references.length === 1
        ? target.tag
        : (source?.tag ?? source?.digest?.slice(7, 19) ?? 'latest');
    return { from, to: referenceOf(target.registry, target.repository, tag) };
  });
}
