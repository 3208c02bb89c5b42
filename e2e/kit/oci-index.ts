import { MEDIA_TYPES } from '../../main/engine/registry/media-types.js';

/** One image manifest an {@link ociIndex} lists. */
export interface IndexEntry {
  readonly digest: string;
  /** Bytes of the image manifest. */
  readonly size: number;
  /** Go name of the platform's architecture (`amd64`, `arm64`); the OS is linux. */
  readonly architecture: string;
}

/**
 * The bytes of an OCI image index over image manifests for linux/<architecture>: what the
 * tests of multi-architecture tags put under the tag.
 */
export function ociIndex(entries: readonly IndexEntry[]): Buffer {
  return Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MEDIA_TYPES.ociIndex,
      manifests: entries.map(({ digest, size, architecture }) => ({
        mediaType: MEDIA_TYPES.ociManifest,
        digest,
        size,
        platform: { os: 'linux', architecture },
      })),
    }),
  );
}
