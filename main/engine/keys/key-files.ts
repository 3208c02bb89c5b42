import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { isMissingFile, readRegularFile } from '../files/regular-file.js';

import { SifError, describeCause } from '../sif/index.js';

/** Which half of a key pair a file holds. */
export type KeyKind = 'public' | 'private';

const FOLDERS: Readonly<Record<KeyKind, string>> = { public: 'pgp-public', private: 'pgp-private' };

/**
 * The keyring's on-disk layout: one armored file per key, named by fingerprint, under
 * `pgp-public/` and `pgp-private/`. Directories are 0700 and private files 0600; writes go to
 * a temporary file first and are renamed into place, so a crash never leaves half a key.
 */
export class KeyFiles {
  readonly #dir: string;

  constructor(dir: string) {
    this.#dir = dir;
  }

  /** Fingerprints stored for `kind`, upper-case hex. */
  async list(kind: KeyKind): Promise<string[]> {
    try {
      const names = await readdir(join(this.#dir, FOLDERS[kind]));
      return names.filter((n) => /^[0-9A-F]{40,64}\.asc$/.test(n)).map((n) => n.slice(0, -4));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw ioError('listing the keyring', error);
    }
  }

  /** The armored text stored for `fingerprint`, or undefined. A FIFO or device is refused. */
  async read(kind: KeyKind, fingerprint: string): Promise<string | undefined> {
    try {
      return (await readRegularFile(this.#path(kind, fingerprint), 'key file')).toString('utf8');
    } catch (error) {
      if (isMissingFile(error)) return undefined;
      throw ioError('reading the keyring', error);
    }
  }

  /** Stores `armored` for `fingerprint`, replacing what was there, atomically. */
  async write(kind: KeyKind, fingerprint: string, armored: string): Promise<void> {
    const folder = join(this.#dir, FOLDERS[kind]);
    const target = this.#path(kind, fingerprint);
    const temp = join(folder, `.${fingerprint}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await mkdir(folder, { recursive: true, mode: 0o700 });
      await writeFile(temp, armored, { mode: kind === 'private' ? 0o600 : 0o644, flag: 'wx' });
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw ioError('writing the keyring', error);
    }
  }

  /** Deletes the file for `fingerprint`; true when there was one. */
  async remove(kind: KeyKind, fingerprint: string): Promise<boolean> {
    const existed = (await this.read(kind, fingerprint)) !== undefined;
    try {
      await rm(this.#path(kind, fingerprint), { force: true });
    } catch (error) {
      throw ioError('removing a key', error);
    }
    return existed;
  }

  #path(kind: KeyKind, fingerprint: string): string {
    if (!/^[0-9A-F]{40,64}$/.test(fingerprint)) {
      throw new SifError('USAGE', `"${fingerprint}" is not a key fingerprint`);
    }
    return join(this.#dir, FOLDERS[kind], `${fingerprint}.asc`);
  }
}

function ioError(action: string, error: unknown): SifError {
  return new SifError('IO_ERROR', `Failed ${action}: ${describeCause(error)}`, undefined, {
    cause: error,
  });
}
