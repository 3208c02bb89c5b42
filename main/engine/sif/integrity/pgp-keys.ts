import type { Key, PrivateKey, PublicKey } from 'openpgp';

import { SifError, describeCause } from '../format/errors.js';
import { loadOpenpgp, type Openpgp } from './openpgp-loader.js';

/** Armored text or binary OpenPGP key packets. */
export type KeyMaterial = string | Uint8Array;

/**
 * Reads every key in `material` (armored or binary, one or many, public or private). Throws
 * KEY_INVALID when nothing readable is found.
 */
export async function readKeys(material: KeyMaterial): Promise<Key[]> {
  return readWithOpenpgp('the OpenPGP key', (openpgp) =>
    typeof material === 'string'
      ? openpgp.readKeys({ armoredKeys: material })
      : openpgp.readKeys({ binaryKeys: material }),
  );
}

/**
 * Reads every key in `material` as public keys, for verification (spec B6 step 4.2). Private
 * keys are reduced to their public part.
 */
export async function readPublicKeys(material: KeyMaterial): Promise<PublicKey[]> {
  return (await readKeys(material)).map((k) => (k.isPrivate() ? k.toPublic() : k));
}

/**
 * Reads one private key and unlocks it for signing (spec B5 step 3, B9). A protected key needs
 * `passphrase` (PASSPHRASE_REQUIRED without it, PASSPHRASE_WRONG when it does not fit). Only
 * v4 keys are accepted: apptainer keeps 20 fingerprint bytes and cannot verify v6 keys (B9).
 */
export async function unlockPrivateKey(
  material: KeyMaterial | PrivateKey,
  passphrase?: string,
): Promise<PrivateKey> {
  const key =
    typeof material === 'object' && !(material instanceof Uint8Array)
      ? material
      : await readPrivate(material);
  if (key.keyPacket.version !== 4) {
    throw new SifError(
      'KEY_INVALID',
      `Key ${fingerprintOf(key)} is a version ${key.keyPacket.version} key; apptainer can only verify signatures from version 4 keys`,
    );
  }
  if (key.isDecrypted()) return key;
  if (passphrase === undefined || passphrase === '') {
    throw new SifError(
      'PASSPHRASE_REQUIRED',
      `Key ${fingerprintOf(key)} is protected; enter its passphrase`,
      {
        fingerprint: fingerprintOf(key),
      },
    );
  }
  try {
    const openpgp = await loadOpenpgp();
    return await openpgp.decryptKey({ privateKey: key, passphrase });
  } catch (cause) {
    const message = describeCause(cause);
    if (/passphrase/i.test(message)) {
      throw new SifError(
        'PASSPHRASE_WRONG',
        `The passphrase does not unlock key ${fingerprintOf(key)}`,
        {
          fingerprint: fingerprintOf(key),
        },
      );
    }
    throw new SifError('KEY_INVALID', `Could not unlock key ${fingerprintOf(key)}: ${message}`);
  }
}

/** Upper-case hex fingerprint of the primary key, the form apptainer prints (spec B6). */
export function fingerprintOf(key: Key): string {
  return key.getFingerprint().toUpperCase();
}

/** Normalises a user-typed fingerprint: upper-case hex, spaces and `0x` removed. */
export function normalizeFingerprint(text: string): string {
  return text.replace(/^0x/i, '').replace(/\s+/g, '').toUpperCase();
}

/** The key's primary user ID as one string (`Name (Comment) <email>`), as apptainer shows it. */
export async function primaryUserId(key: Key): Promise<string | undefined> {
  try {
    const { user } = await key.getPrimaryUser();
    return user.userID?.userID;
  } catch {
    return key.getUserIDs()[0];
  }
}

async function readPrivate(material: KeyMaterial): Promise<PrivateKey> {
  return readWithOpenpgp('the private key', (openpgp) =>
    typeof material === 'string'
      ? openpgp.readPrivateKey({ armoredKey: material })
      : openpgp.readPrivateKey({ binaryKey: material }),
  );
}

/** Runs one openpgp read; whatever it throws becomes KEY_INVALID "Could not read WHAT: …". */
async function readWithOpenpgp<T>(
  what: string,
  read: (openpgp: Openpgp) => Promise<T>,
): Promise<T> {
  const openpgp = await loadOpenpgp();
  try {
    return await read(openpgp);
  } catch (cause) {
    throw new SifError(
      'KEY_INVALID',
      `Could not read ${what}: ${describeCause(cause)}`,
      undefined,
      {
        cause,
      },
    );
  }
}
