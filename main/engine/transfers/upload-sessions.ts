import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { RegistryClient } from '../registry/client.js';
import { cancelUpload } from '../registry/upload-session.js';
import type { FileIdentity } from './digest-cache.js';

/** Which push a recorded session belongs to: the file and where it goes. */
export interface UploadSessionKey {
  /** The file's real path. */
  readonly path: string;
  readonly registry: string;
  readonly repository: string;
}

/**
 * An upload session a push had open (issue #10 item 15): if the push dies (killed, power
 * lost) the record stays, and the next push of the file to the same repository deletes the
 * session instead of leaving its bytes on the registry until it expires.
 */
export interface UploadSessionRecord extends UploadSessionKey, FileIdentity {
  /**
   * The session's latest `Location`, without user info. Its query is kept: distribution's
   * `_state` is needed to address the session and grants nothing beyond it.
   */
  readonly location: string;
  /** When it was recorded, epoch ms. */
  readonly savedAt: number;
}

/** Where pushes keep their open sessions (a file in the profile, or memory). */
export interface UploadSessionStore {
  get(key: UploadSessionKey): Promise<UploadSessionRecord | undefined>;
  put(record: UploadSessionRecord): Promise<void>;
  delete(key: UploadSessionKey): Promise<void>;
}

/** A session URL as it may be stored: no `user:password@`, everything else verbatim. */
export function storableLocation(location: URL): string {
  const url = new URL(location);
  url.username = '';
  url.password = '';
  return url.href;
}

const MAX_RECORDS = 200;

function keyOf(key: UploadSessionKey): string {
  return JSON.stringify([key.path, key.registry, key.repository]);
}

/** An {@link UploadSessionStore} in memory (the app's session, tests). */
export class MemoryUploadSessionStore implements UploadSessionStore {
  protected records = new Map<string, UploadSessionRecord>();

  async get(key: UploadSessionKey): Promise<UploadSessionRecord | undefined> {
    return this.records.get(keyOf(key));
  }

  async put(record: UploadSessionRecord): Promise<void> {
    this.records.delete(keyOf(record));
    this.records.set(keyOf(record), record);
    while (this.records.size > MAX_RECORDS) {
      this.records.delete(this.records.keys().next().value!);
    }
  }

  async delete(key: UploadSessionKey): Promise<void> {
    this.records.delete(keyOf(key));
  }
}

function isRecord(value: unknown): value is UploadSessionRecord {
  const r = value as Partial<UploadSessionRecord> | null;
  return (
    typeof r?.path === 'string' &&
    typeof r.registry === 'string' &&
    typeof r.repository === 'string' &&
    typeof r.location === 'string'
  );
}

/**
 * An {@link UploadSessionStore} in a JSON file beside the digest cache, readable only by the
 * user (0600) and written atomically. An unreadable file counts as empty: a lost record
 * only means a session the registry expires on its own.
 */
export class FileUploadSessionStore extends MemoryUploadSessionStore {
  private loaded = false;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly file: string) {
    super();
  }

  override async get(key: UploadSessionKey): Promise<UploadSessionRecord | undefined> {
    await this.load();
    return super.get(key);
  }

  override async put(record: UploadSessionRecord): Promise<void> {
    await this.load();
    await super.put(record);
    await this.save();
  }

  override async delete(key: UploadSessionKey): Promise<void> {
    await this.load();
    if ((await super.get(key)) === undefined) return;
    await super.delete(key);
    await this.save();
  }

  private async load(): Promise<void> {
    if (this.loaded) return;
    this.loaded = true;
    try {
      const parsed = JSON.parse(await readFile(this.file, 'utf8')) as { sessions?: unknown[] };
      for (const r of parsed.sessions ?? []) if (isRecord(r)) await super.put(r);
    } catch {
      // Missing or unreadable: start empty.
    }
  }

  /** Writes one after another, so the file always ends with the latest state. */
  private save(): Promise<void> {
    const run = this.writing.then(async () => {
      await mkdir(dirname(this.file), { recursive: true, mode: 0o700 });
      const tmp = `${this.file}.${process.pid}.tmp`;
      const body = JSON.stringify({ version: 1, sessions: [...this.records.values()] });
      await writeFile(tmp, body, { mode: 0o600 });
      await rename(tmp, this.file);
    });
    this.writing = run.catch(() => undefined);
    return run;
  }
}

/**
 * Deletes the session a dead push of this file left on this repository, if one is recorded,
 * and forgets it. Never fails the push: a registry that refuses the DELETE expires the
 * session on its own.
 */
export async function cancelStaleUpload(
  client: RegistryClient,
  store: UploadSessionStore | undefined,
  key: UploadSessionKey,
): Promise<boolean> {
  const stale = await store?.get(key).catch(() => undefined);
  if (!stale) return false;
  let location: URL | undefined;
  try {
    location = new URL(stale.location);
  } catch {
    // A damaged record: nothing to cancel.
  }
  if (location) await cancelUpload(client, key.repository, { location, offset: 0, minChunk: 0 });
  await store!.delete(key).catch(() => undefined);
  return location !== undefined;
}

/** Records a push's open session as it moves on, and forgets it when the upload ends. */
export interface SessionRecorder {
  /** For `BlobUploadOptions.onSession`. */
  readonly onSession: (location: URL) => void;
  /** Waits for pending writes, then drops the record (the session is finished or deleted). */
  forget(): Promise<void>;
}

/** A {@link SessionRecorder} for `file` going to `key`'s repository; a no-op without a store. */
export function recordSessions(
  store: UploadSessionStore | undefined,
  key: UploadSessionKey,
  file: FileIdentity,
): SessionRecorder {
  let pending: Promise<void> = Promise.resolve();
  return {
    onSession: (location) => {
      if (!store) return;
      const record: UploadSessionRecord = {
        ...file,
        ...key,
        location: storableLocation(location),
        savedAt: Date.now(),
      };
      pending = pending.then(() => store.put(record)).catch(() => undefined);
    },
    async forget() {
      if (!store) return;
      await pending;
      await store.delete(key).catch(() => undefined);
    },
  };
}
