import { SifportError } from '../engine/errors.js';
import type { Keyring } from '../engine/keys/index.js';
import { registerSecret } from '../engine/redact.js';
import type { Handlers } from './dispatch.js';
import { withSifErrors } from './sif-view.js';

/** The keyring the Keys screen manages: the profile's, the directory the CLI uses too. */
export interface KeyringDeps {
  readonly keyring: Keyring;
  /** Its directory, shown on the screen. */
  readonly dir: string;
}

/** The Keys screen's channels (UI.md S12). */
export type KeysHandlers = Pick<
  Handlers,
  'keys:list' | 'keys:generate' | 'keys:import' | 'keys:export' | 'keys:remove'
>;

/** What the window says with a secret key export. */
export const SECRET_EXPORT_WARNING =
  'This is your private key (protected by its passphrase): anyone with the file and the passphrase can sign as you. Keep it somewhere only you can read, and never share it.';

/**
 * List, generate, import (with a preview that stores nothing), export and remove keys, as
 * `sifport keys` does. Private armour leaves only on an explicit secret export; removing a
 * key whose private half is stored needs `secret: true`, since it cannot be undone.
 */
export function createKeysHandlers({ keyring, dir }: KeyringDeps): KeysHandlers {
  return {
    'keys:list': () => withSifErrors(async () => ({ keyring: dir, keys: await keyring.list() })),
    'keys:generate': (req) => {
      registerSecret(req.passphrase);
      return withSifErrors(async () => ({
        key: await keyring.generate({
          name: req.name,
          ...(req.email ? { email: req.email } : {}),
          passphrase: req.passphrase,
          type: req.algorithm === 'rsa4096' ? 'rsa' : 'ecc',
        }),
      }));
    },
    'keys:import': (req) => {
      registerSecret(req.passphrase);
      return withSifErrors(async () => {
        if (req.preview) return { keys: await keyring.previewKeys(req.armored), stored: false };
        const passphrase = req.passphrase;
        const keys = await keyring.importKeys(
          req.armored,
          passphrase === undefined ? {} : { passphrase, protectWith: passphrase },
        );
        return { keys, stored: true };
      });
    },
    'keys:export': (req) =>
      withSifErrors(async () => {
        const fingerprint = await keyring.resolve(req.fingerprint);
        if (req.secret === true) {
          return {
            fingerprint,
            armored: await keyring.exportPrivate(fingerprint),
            secretBearing: true,
            warning: SECRET_EXPORT_WARNING,
          };
        }
        return {
          fingerprint,
          armored: await keyring.exportPublic(fingerprint),
          secretBearing: false,
        };
      }),
    'keys:remove': (req) =>
      withSifErrors(async () => {
        const fingerprint = await keyring.resolve(req.fingerprint);
        const hasPrivate = (await keyring.list()).some(
          (k) => k.fingerprint === fingerprint && k.hasPrivate,
        );
        if (hasPrivate && req.secret !== true) {
          throw new SifportError(
            'USAGE',
            `The keyring holds the private key of ${fingerprint}; removing it cannot be undone. Export it first if you may need it, then confirm with secret: true.`,
          );
        }
        await keyring.remove(fingerprint);
        return { removed: fingerprint, secretRemoved: hasPrivate };
      }),
  };
}
