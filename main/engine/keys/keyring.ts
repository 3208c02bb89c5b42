import type { Key, PrivateKey, PublicKey } from 'openpgp';

import {
  SifError,
  loadOpenpgp,
  fingerprintOf,
  normalizeFingerprint,
  readKeys,
  readPublicKeys,
  unlockPrivateKey,
  type KeyMaterial,
} from '../sif/index.js';
import { KeyFiles } from './key-files.js';
import { summarizeKey } from './key-summary.js';
import type { KeySummary } from './key-summary.js';

/** Options for {@link Keyring.importKeys}. */
export interface ImportOptions {
  /** Passphrase of a protected private key; when given, it is checked before storing. */
  readonly passphrase?: string;
  /** Passphrase to protect an unprotected private key with before it is stored. */
  readonly protectWith?: string;
}

/** Options for {@link Keyring.generate}. */
export interface GenerateOptions {
  readonly name: string;
  readonly email?: string;
  readonly comment?: string;
  /** Required: private keys are only ever stored encrypted. */
  readonly passphrase: string;
  /** `ecc` (Ed25519, default) or `rsa` (4096 bits unless `rsaBits`). */
  readonly type?: 'ecc' | 'rsa';
  readonly rsaBits?: number;
  /** Creation time (default: now), for reproducible tests. */
  readonly date?: Date;
}

/**
 * An OpenPGP keyring kept in a directory: public keys to verify SIF signatures with, and
 * private keys to sign with (spec B5, B6). Private keys are always stored passphrase-protected:
 * importing an unprotected one is refused unless `protectWith` gives a passphrase to encrypt
 * it with first. Only v4 keys are kept (apptainer cannot verify v6 ones, spec B9).
 */
export class Keyring {
  readonly #files: KeyFiles;
  readonly #now: () => Date;

  constructor(dir: string, options: { readonly now?: () => Date } = {}) {
    this.#files = new KeyFiles(dir);
    this.#now = options.now ?? (() => new Date());
  }

  /** Every key, sorted by primary user ID then fingerprint. */
  async list(): Promise<KeySummary[]> {
    const privates = new Set(await this.#files.list('private'));
    const out: KeySummary[] = [];
    for (const key of await this.publicKeys()) {
      out.push(await summarizeKey(key, privates.has(fingerprintOf(key)), this.#now()));
    }
    return out.sort(
      (a, b) =>
        (a.primaryUserId ?? '').localeCompare(b.primaryUserId ?? '') ||
        a.fingerprint.localeCompare(b.fingerprint),
    );
  }

  /** All public keys, for `verifySif`. */
  async publicKeys(): Promise<PublicKey[]> {
    const keys: PublicKey[] = [];
    for (const fp of await this.#files.list('public')) {
      const armored = await this.#files.read('public', fp);
      if (armored !== undefined) keys.push(...(await readPublicKeys(armored)));
    }
    return keys;
  }

  /**
   * Imports every key in `material` (armored or binary; public or private). Public parts are
   * merged with what is stored. Returns summaries of the keys imported.
   */
  async importKeys(material: KeyMaterial, options: ImportOptions = {}): Promise<KeySummary[]> {
    const keys = await readKeys(material);
    const out: KeySummary[] = [];
    for (const key of keys) {
      if (key.keyPacket.version !== 4) {
        throw new SifError(
          'KEY_INVALID',
          `Key ${fingerprintOf(key)} is a version ${key.keyPacket.version} key; only version 4 keys work with apptainer`,
        );
      }
      if (key.isPrivate()) await this.#storePrivate(key, options);
      await this.#storePublic(key.toPublic());
      out.push(
        await summarizeKey(key, key.isPrivate() || (await this.#hasPrivate(key)), this.#now()),
      );
    }
    return out;
  }

  /** Generates a new v4 key pair, stores it (private part encrypted) and returns its summary. */
  async generate(options: GenerateOptions): Promise<KeySummary> {
    if (options.passphrase === '') {
      throw new SifError('USAGE', 'A passphrase is required to protect the new private key');
    }
    const userID = {
      name: options.name,
      ...(options.email ? { email: options.email } : {}),
      ...(options.comment ? { comment: options.comment } : {}),
    };
    const openpgp = await loadOpenpgp();
    const { privateKey } = await openpgp.generateKey({
      userIDs: [userID],
      passphrase: options.passphrase,
      type: options.type ?? 'ecc',
      ...(options.type === 'rsa' ? { rsaBits: options.rsaBits ?? 4096 } : {}),
      date: options.date ?? this.#now(),
      format: 'object',
    });
    await this.#files.write('private', fingerprintOf(privateKey), privateKey.armor());
    await this.#storePublic(privateKey.toPublic());
    return summarizeKey(privateKey, true, this.#now());
  }

  /** Armored public key for a fingerprint or key ID. */
  async exportPublic(fingerprint: string): Promise<string> {
    const fp = await this.resolve(fingerprint);
    const armored = await this.#files.read('public', fp);
    if (armored === undefined) throw notFound(fingerprint);
    return armored;
  }

  /**
   * Armored private key for a fingerprint or key ID, as stored (passphrase-protected): only
   * for an explicit "export secret key" the user asked for, never for listing.
   */
  async exportPrivate(fingerprint: string): Promise<string> {
    const fp = await this.resolve(fingerprint);
    const armored = await this.#files.read('private', fp);
    if (armored === undefined) {
      throw new SifError('KEY_NOT_FOUND', `The keyring has no private key for ${fp}`, {
        fingerprint: fp,
      });
    }
    return armored;
  }

  /**
   * Summaries of the keys in `material` without storing anything (the import preview:
   * fingerprints to compare before importing). `hasPrivate` says the material holds one.
   */
  async previewKeys(material: KeyMaterial): Promise<KeySummary[]> {
    const keys = await readKeys(material);
    return Promise.all(keys.map((key) => summarizeKey(key, key.isPrivate(), this.#now())));
  }

  /** The private key for `fingerprint`, unlocked with `passphrase`, ready for `signSif`. */
  async unlock(fingerprint: string, passphrase: string): Promise<PrivateKey> {
    const fp = await this.resolve(fingerprint);
    const armored = await this.#files.read('private', fp);
    if (armored === undefined) {
      throw new SifError('KEY_NOT_FOUND', `The keyring has no private key for ${fp}`, {
        fingerprint: fp,
      });
    }
    return unlockPrivateKey(armored, passphrase);
  }

  /** Removes a key (both halves, or only the private one). */
  async remove(
    fingerprint: string,
    options: { readonly privateOnly?: boolean } = {},
  ): Promise<void> {
    const fp = await this.resolve(fingerprint);
    await this.#files.remove('private', fp);
    if (!options.privateOnly) await this.#files.remove('public', fp);
  }

  /**
   * The stored fingerprint matching `text`: a full fingerprint, or a 16-digit key ID (any case,
   * spaces and `0x` ignored). Throws KEY_NOT_FOUND, or USAGE when a key ID is ambiguous.
   */
  async resolve(text: string): Promise<string> {
    const wanted = normalizeFingerprint(text);
    if (!/^[0-9A-F]{16,64}$/.test(wanted)) {
      throw new SifError('USAGE', `"${text}" is not a fingerprint or key ID`);
    }
    const all = await this.#files.list('public');
    const matches = all.filter((fp) =>
      wanted.length === 16 ? fp.endsWith(wanted) : fp === wanted,
    );
    if (matches.length > 1) {
      throw new SifError(
        'USAGE',
        `Key ID ${wanted} matches several keys; give the full fingerprint`,
      );
    }
    const [match] = matches;
    if (!match) throw notFound(text);
    return match;
  }

  async #storePublic(key: PublicKey): Promise<void> {
    const fp = fingerprintOf(key);
    const existing = await this.#files.read('public', fp);
    let merged: Key = key;
    if (existing !== undefined) {
      const [old] = await readPublicKeys(existing);
      if (old) merged = await old.update(key, this.#now());
    }
    await this.#files.write('public', fp, merged.armor());
  }

  async #storePrivate(key: PrivateKey, options: ImportOptions): Promise<void> {
    const fp = fingerprintOf(key);
    let stored = key;
    if (key.isDecrypted()) {
      if (!options.protectWith) {
        throw new SifError(
          'KEY_INVALID',
          `Private key ${fp} is not protected by a passphrase; give one to protect it with before it is stored`,
          { fingerprint: fp },
        );
      }
      const openpgp = await loadOpenpgp();
      stored = await openpgp.encryptKey({ privateKey: key, passphrase: options.protectWith });
    } else if (options.passphrase !== undefined) {
      await unlockPrivateKey(key, options.passphrase);
    }
    await this.#files.write('private', fp, stored.armor());
  }

  async #hasPrivate(key: Key): Promise<boolean> {
    return (await this.#files.read('private', fingerprintOf(key))) !== undefined;
  }
}

function notFound(text: string): SifError {
  return new SifError(
    'KEY_NOT_FOUND',
    `No key ${text} in the keyring; import its public key first`,
    { key: text },
  );
}
