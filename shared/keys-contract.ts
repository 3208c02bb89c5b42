import { z } from 'zod';

/** An array in a response: read-only, as the engine's own arrays are. */
function list<T extends z.ZodType>(item: T) {
  return z.array(item).readonly();
}

/**
 * The keys part of the IPC contract (issue #11, UI.md S12): the OpenPGP keyring the CLI's
 * `sifport keys` manages too. Passphrases travel one way; private key armour leaves only on
 * `keys:export` with `secret: true`, which the user asked for, and then with a warning.
 */

const fingerprint = z.string().min(1).max(128);
/** Armored (or pasted) key text; a keyring file is far smaller. */
const armored = z
  .string()
  .min(1)
  .max(1024 * 1024);

/** A key as the Keys screen lists it (engine `KeySummary`); never holds key material. */
export const keySummary = z.object({
  /** Primary-key fingerprint, upper-case hex (what SIF signatures record). */
  fingerprint: z.string(),
  keyId: z.string(),
  userIds: list(z.string()),
  primaryUserId: z.string().optional(),
  /** openpgp.js algorithm name (`eddsaLegacy`, `rsaEncryptSign`). */
  algorithm: z.string(),
  bits: z.number().optional(),
  curve: z.string().optional(),
  version: z.number(),
  /** Unix seconds. */
  createdAt: z.number(),
  /** Unix seconds, or null when the key does not expire. */
  expiresAt: z.number().nullable(),
  revoked: z.boolean(),
  /** The keyring holds the (passphrase-protected) private key too. */
  hasPrivate: z.boolean(),
});

export const keysChannels = {
  'keys:list': {
    request: z.object({}),
    /** `keyring` is the directory, shown so the user can find it (and `apptainer key list`). */
    response: z.object({ keyring: z.string(), keys: list(keySummary) }),
  },
  'keys:generate': {
    request: z.object({
      name: z.string().min(1).max(256),
      email: z.string().max(256).optional(),
      algorithm: z.enum(['ed25519', 'rsa4096']),
      /** Protects the new private key; write-only, never stored in clear or returned. */
      passphrase: z.string().min(1).max(1024),
    }),
    response: z.object({ key: keySummary }),
  },
  'keys:import': {
    request: z.object({
      armored,
      /** Parse and summarise only (fingerprint preview); nothing is stored. */
      preview: z.boolean().optional(),
      /** Checks a protected private key, or protects an unprotected one before storing. */
      passphrase: z.string().min(1).max(1024).optional(),
    }),
    response: z.object({ keys: list(keySummary), stored: z.boolean() }),
  },
  'keys:export': {
    request: z.object({
      fingerprint,
      /** Export the private key (as stored, passphrase-protected) instead of the public one. */
      secret: z.boolean().optional(),
    }),
    response: z.object({
      fingerprint: z.string(),
      armored: z.string(),
      /** True when `armored` is a private key: the response carries a secret. */
      secretBearing: z.boolean(),
      /** Said with every secret export: what holding that file means. */
      warning: z.string().optional(),
    }),
  },
  'keys:remove': {
    request: z.object({
      fingerprint,
      /** Required to remove a key whose private half is in the keyring (it is gone for good). */
      secret: z.boolean().optional(),
    }),
    response: z.object({ removed: z.string(), secretRemoved: z.boolean() }),
  },
} as const;
