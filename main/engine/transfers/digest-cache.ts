import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { withFileLock } from './file-lock.js';

/** The identity of a file's contents, cheaply: if all of these match, the bytes did not change. */
export interface FileIdentity {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly ino: number;
}

/** A remembered digest, with the repositories (`registry/repo`) known to hold the blob. */
export interface DigestEntry extends FileIdentity {
  readonly digest: string;
  readonly locations: readonly string[];
  readonly usedAt: number;
}

/** Remembers file digests so an unchanged re-push skips hashing (issue: digest cache). */
export interface DigestCache {
  lookup(file: FileIdentity): Promise<DigestEntry | undefined>;
  remember(file: FileIdentity, digest: string, location?: string): Promise<void>;
}

const MAX_ENTRIES = 1000;
const MAX_LOCATIONS = 16;

function same(a: FileIdentity, b: FileIdentity): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino;
}

function merge(
  existing: DigestEntry | undefined,
  file: FileIdentity,
  digest: string,
  location?: string,
): DigestEntry {
  const keep = existing && existing.digest === digest ? existing.locations : [];
  const locations = location ? [location, ...keep.filter((l) => l !== location)] : [...keep];
  return { ...file, digest, locations: locations.slice(0, MAX_LOCATIONS), usedAt: Date.now() };
}

/** A {@link DigestCache} in memory (the app's session, tests). */
export class MemoryDigestCache implements DigestCache {
  protected entries = new Map<string, DigestEntry>();

  async lookup(file: FileIdentity): Promise<DigestEntry | undefined> {
    const entry = this.entries.get(file.path);
    return entry && same(entry, file) ? entry : undefined;
  }

  async remember(file: FileIdentity, digest: string, location?: string): Promise<void> {
    this.entries.set(file.path, merge(this.entries.get(file.path), file, digest, location));
    if (this.entries.size > MAX_ENTRIES) {
      const oldest = [...this.entries.values()].sort((a, b) => a.usedAt - b.usedAt)[0]!;
      this.entries.delete(oldest.path);
    }
  }
}

/**
 * A {@link DigestCache} kept in a JSON file, shared by every sifport process (pushes may run
 * at once). Each write takes a lock file, re-reads the file, merges its change into what it
 * finds and renames a temporary file over it, so concurrent writers never lose each other's
 * entries. A corrupt file is ignored (the cache only saves time; nothing depends on it
 * being there), and so is a lock that stays busy: that one entry is then not remembered.
 */
export class FileDigestCache extends MemoryDigestCache {
  private loaded = false;

  constructor(private readonly file: string) {
    super();
  }

  private async load(): Promise<void> {
    if (this.loaded) return;
    this.loaded = true;
    await this.readFromDisk();
  }

  /** Replaces the entries in memory with the file's (none when missing or unreadable). */
  private async readFromDisk(): Promise<void> {
    // Built aside and swapped in, so a lookup meanwhile still sees the previous entries.
    const entries = new Map<string, DigestEntry>();
    try {
      const parsed = JSON.parse(await readFile(this.file, 'utf8')) as { entries?: DigestEntry[] };
      for (const entry of parsed.entries ?? []) {
        if (typeof entry?.path === 'string' && typeof entry.digest === 'string') {
          entries.set(entry.path, { ...entry, locations: entry.locations ?? [] });
        }
      }
    } catch {
      // Missing or unreadable: start empty.
    }
    this.entries = entries;
  }

  override async lookup(file: FileIdentity): Promise<DigestEntry | undefined> {
    await this.load();
    return super.lookup(file);
  }

  override async remember(file: FileIdentity, digest: string, location?: string): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true, mode: 0o700 });
    const written = await withFileLock(`${this.file}.lock`, async () => {
      await this.readFromDisk();
      this.loaded = true;
      await super.remember(file, digest, location);
      const tmp = `${this.file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
      const body = JSON.stringify({ version: 1, entries: [...this.entries.values()] });
      try {
        await writeFile(tmp, body, { mode: 0o600 });
        await rename(tmp, this.file);
      } catch (err) {
        await unlink(tmp).catch(() => undefined);
        throw err;
      }
      return true;
    });
    // Lock busy for too long: keep the entry for this session only.
    if (!written) await super.remember(file, digest, location);
  }
}
