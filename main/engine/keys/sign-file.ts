import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type { PrivateKey } from 'openpgp';
import { SifportError } from '../errors.js';
import { openRegularFile } from '../files/regular-file.js';
import {
  openFileTarget,
  SifError,
  signSif,
  type AddedSignature,
  type KeyMaterial,
} from '../sif/index.js';
import type { Keyring } from './keyring.js';

/** The private key to sign with: key material (a file's), or a keyring key by fingerprint. */
export type SigningKey =
  | { readonly key: KeyMaterial | PrivateKey }
  | { readonly keyring: Keyring; readonly fingerprint: string };

/** What {@link signSifFile} signs. */
export type SignFileOptions = SigningKey & {
  readonly path: string;
  /** Unlocks a protected key; never stored or logged (callers register it as a secret). */
  readonly passphrase?: string | undefined;
  readonly groupId?: number | undefined;
  readonly objectIds?: readonly number[] | undefined;
  /** Sign a copy: `path` is copied here first (it must not exist) and left untouched. */
  readonly copyTo?: string | undefined;
  readonly signal?: AbortSignal | undefined;
};

/** What {@link signSifFile} did: the file it changed and the signatures it added. */
export interface SignedFile {
  readonly path: string;
  readonly signatures: readonly AddedSignature[];
}

/** Copies a regular file to a path that must not exist yet. */
async function copyNew(from: string, to: string, signal?: AbortSignal): Promise<void> {
  const { handle } = await openRegularFile(from, 'r', 'SIF file');
  try {
    await pipeline(
      handle.createReadStream({ autoClose: false }),
      createWriteStream(to, { flags: 'wx' }),
      {
        signal,
      },
    );
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EEXIST') await rm(to, { force: true });
    throw new SifportError(
      'FILE_ERROR',
      code === 'EEXIST'
        ? `${to} already exists; choose another name for the signed copy.`
        : `Cannot copy ${from} to ${to}: ${code ?? (err as Error).message}.`,
      { cause: err },
    );
  } finally {
    await handle.close();
  }
}

/**
 * Signs a SIF file as `apptainer sign` does (spec B5), in place or, with `copyTo`, a copy
 * made first (removed again when signing fails), with a key given as material or taken from
 * the keyring and unlocked with the passphrase. `sifport sign` and the window's Sign dialog
 * both come here.
 */
export async function signSifFile(options: SignFileOptions): Promise<SignedFile> {
  let key: KeyMaterial | PrivateKey;
  if ('keyring' in options) {
    if (options.passphrase === undefined || options.passphrase === '') {
      throw new SifError(
        'PASSPHRASE_REQUIRED',
        'Keyring keys are protected: give the passphrase of the signing key',
      );
    }
    key = await options.keyring.unlock(options.fingerprint, options.passphrase);
  } else {
    key = options.key;
  }
  const path = options.copyTo ?? options.path;
  if (options.copyTo !== undefined) await copyNew(options.path, options.copyTo, options.signal);
  try {
    const target = await openFileTarget(path);
    try {
      const signatures = await signSif(target, {
        key,
        ...(options.passphrase !== undefined ? { passphrase: options.passphrase } : {}),
        ...(options.groupId !== undefined ? { groupId: options.groupId } : {}),
        ...(options.objectIds !== undefined ? { objectIds: options.objectIds } : {}),
        signal: options.signal,
      });
      return { path, signatures };
    } finally {
      await target.close();
    }
  } catch (err) {
    if (options.copyTo !== undefined) await rm(options.copyTo, { force: true });
    throw err;
  }
}
