import type { Key } from 'openpgp';
import { SifportError } from '../engine/errors.js';
import { signSifFile, verifySifFile, type Keyring } from '../engine/keys/index.js';
import { registerSecret } from '../engine/redact.js';
import { inspectSif, openFileSource, readPublicKeys } from '../engine/sif/index.js';
import type { Handlers } from './dispatch.js';
import { inspectReportView, withSifErrors } from './sif-view.js';

/** The local SIF inspector's channels (UI.md S11). */
export type SifHandlers = Pick<Handlers, 'sif:inspect' | 'sif:sign' | 'sif:verify'>;

/** Public keys given in the request, else every public key of the keyring. */
async function verifyKeys(
  keyring: Keyring,
  armored: readonly string[] | undefined,
): Promise<{ keys: Key[]; where: string }> {
  if (armored === undefined || armored.length === 0) {
    return { keys: await keyring.publicKeys(), where: 'the keyring' };
  }
  const keys: Key[] = [];
  for (const text of armored) keys.push(...(await readPublicKeys(text)));
  return { keys, where: 'the keys given' };
}

/**
 * Inspect, sign and verify a SIF on this machine, as `sifport inspect`, `sign --fingerprint`
 * and `verify` do, with the profile's keyring. The signing passphrase is registered as a
 * secret at once (so no message can show it) and used only for this call.
 */
export function createSifHandlers(keyring: Keyring): SifHandlers {
  return {
    'sif:inspect': (req) =>
      withSifErrors(async () => {
        const source = await openFileSource(req.path);
        try {
          const report = await inspectSif(source);
          return { path: req.path, size: source.size, report: inspectReportView(report) };
        } finally {
          await source.close();
        }
      }),
    'sif:sign': (req) => {
      registerSecret(req.passphrase);
      const scope = req.scope ?? { kind: 'image' as const };
      return withSifErrors(async () => {
        const signed = await signSifFile({
          keyring,
          fingerprint: req.fingerprint,
          passphrase: req.passphrase,
          path: req.path,
          copyTo: req.copyTo,
          groupId: scope.kind === 'group' ? scope.groupId : undefined,
          objectIds: scope.kind === 'objects' ? scope.objectIds : undefined,
        });
        return { path: signed.path, signatures: [...signed.signatures] };
      });
    },
    'sif:verify': (req) =>
      withSifErrors(async () => {
        if (req.groupId !== undefined && req.objectId !== undefined) {
          throw new SifportError('USAGE', 'Verify a group or an object, not both: drop one.');
        }
        const { keys, where } = await verifyKeys(keyring, req.publicKeys);
        if (keys.length === 0) {
          throw new SifportError('NOT_FOUND', `No public keys in ${where}; import some first.`);
        }
        const outcome = await verifySifFile({
          path: req.path,
          keys,
          fingerprints: req.fingerprints,
          legacyInsecure: req.legacyInsecure,
          groupId: req.groupId,
          objectId: req.objectId,
        });
        return {
          path: outcome.path,
          ok: outcome.ok,
          message: outcome.message,
          signedBy: outcome.signedBy && {
            ok: outcome.signedBy.ok,
            message: outcome.signedBy.message,
            matchingIds: outcome.signedBy.matching.map((s) => s.id),
          },
          report: outcome.report,
        };
      }),
  };
}
