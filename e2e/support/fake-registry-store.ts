import { randomUUID } from 'node:crypto';

/** A manifest kept byte for byte, with what the referrers API needs from it. */
export interface StoredManifest {
  readonly digest: string;
  readonly mediaType: string;
  readonly bytes: Buffer;
  /** Digest of the manifest's `subject`, if any. */
  readonly subject?: string;
  /** `artifactType`, or else the config media type (spec §3.8). */
  readonly artifactType?: string;
  readonly annotations?: Readonly<Record<string, string>>;
}

/** One repository: content-addressed blobs and manifests plus tags. */
export interface FakeRepository {
  readonly blobs: Map<string, Buffer>;
  readonly manifests: Map<string, StoredManifest>;
  /** tag → manifest digest */
  readonly tags: Map<string, string>;
}

/** An open upload session. */
export interface UploadSession {
  readonly id: string;
  readonly name: string;
  readonly chunks: Buffer[];
  /** Bytes received so far. */
  size: number;
}

/** The whole in-memory state of a fake registry. */
export interface FakeRegistryStore {
  /** The repository, created on first write when `create` is set. */
  repository(name: string, create: boolean): FakeRepository | undefined;
  /** Repository names, sorted. */
  names(): string[];
  openUpload(name: string): UploadSession;
  upload(id: string, name: string): UploadSession | undefined;
  closeUpload(id: string): void;
}

/** Creates an empty store. */
export function createFakeRegistryStore(): FakeRegistryStore {
  const repositories = new Map<string, FakeRepository>();
  const uploads = new Map<string, UploadSession>();
  return {
    repository(name, create) {
      let repo = repositories.get(name);
      if (repo === undefined && create) {
        repo = { blobs: new Map(), manifests: new Map(), tags: new Map() };
        repositories.set(name, repo);
      }
      return repo;
    },
    names: () => [...repositories.keys()].sort(),
    openUpload(name) {
      const session: UploadSession = { id: randomUUID(), name, chunks: [], size: 0 };
      uploads.set(session.id, session);
      return session;
    },
    upload(id, name) {
      const session = uploads.get(id);
      return session?.name === name ? session : undefined;
    },
    closeUpload(id) {
      uploads.delete(id);
    },
  };
}
