import { z } from 'zod';

/** An array in a response: read-only, as the engine's own arrays are. */
function list<T extends z.ZodType>(item: T) {
  return z.array(item).readonly();
}

/**
 * The SIF part of the IPC contract (issue #11, UI.md S6 "SIF", S11): a local image's inspect
 * report, signing with a keyring key, and verifying. The passphrase of `sif:sign` travels
 * one way only; no response has a field that could hold one.
 */

/** A local path the user chose (bounded: no request carries unbounded text). */
export const localPath = z.string().min(1).max(4096);
const fingerprint = z.string().min(1).max(128);
const objectId = z.number().int().min(1).max(0xffffffff);

const partitionDetails = z.object({
  kind: z.literal('partition'),
  fsType: z.number(),
  fsTypeName: z.string(),
  partType: z.number(),
  partTypeName: z.string(),
  archCode: z.string(),
  arch: z.string(),
  encrypted: z.boolean(),
});

/** Type-specific metadata of an object (engine `DescriptorDetails`, spec A4). */
const descriptorDetails = z.discriminatedUnion('kind', [
  partitionDetails,
  z.object({
    kind: z.literal('signature'),
    hashType: z.number(),
    hashTypeName: z.string().optional(),
    fingerprint: z.string().optional(),
  }),
  z.object({
    kind: z.literal('crypto-message'),
    formatType: z.number(),
    formatName: z.string(),
    messageType: z.number(),
    messageName: z.string(),
  }),
  z.object({ kind: z.literal('sbom'), format: z.number(), formatName: z.string() }),
  z.object({ kind: z.literal('oci'), digest: z.string() }),
  z.object({ kind: z.literal('none') }),
]);

/** One object of the table (engine `SifDescriptor` without its raw bytes). */
export const sifObject = z.object({
  slot: z.number(),
  dataType: z.number(),
  dataTypeName: z.string(),
  typeLabel: z.string(),
  id: z.number(),
  groupId: z.number(),
  linkedId: z.number(),
  linkedIsGroup: z.boolean(),
  offset: z.number(),
  size: z.number(),
  sizeWithPadding: z.number(),
  /** Unix seconds. */
  createdAt: z.number(),
  modifiedAt: z.number(),
  name: z.string(),
  details: descriptorDetails,
});

const textMap = z.record(z.string(), z.string());
const sections = {
  labels: textMap.optional(),
  /** Environment scripts by file name (`90-environment.sh`). */
  environment: textMap.optional(),
  runscript: z.string().optional(),
  startscript: z.string().optional(),
  test: z.string().optional(),
  helpfile: z.string().optional(),
  deffile: z.string().optional(),
};

/** Labels, environment, run script, test, help and SCIF apps (engine `ContainerMetadata`). */
export const containerMetadata = z.object({
  ...sections,
  apps: z.record(z.string(), z.object(sections)).optional(),
});

/** What `sifport inspect --json` prints (engine `InspectReport`): read without keys. */
export const inspectReport = z.object({
  /** SIF format version from the header (`01`). */
  version: z.string(),
  primaryArch: z.string(),
  id: z.string(),
  createdAt: z.number(),
  modifiedAt: z.number(),
  objects: list(sifObject),
  partitions: list(
    partitionDetails
      .omit({ kind: true })
      .extend({ id: z.number(), size: z.number(), primary: z.boolean() }),
  ),
  encrypted: z.boolean(),
  /** What each signature claims (signer fingerprint, target), not whether it verifies. */
  signatures: list(
    z.object({
      id: z.number(),
      format: z.enum(['pgp', 'legacy', 'dsse', 'unknown']),
      hashType: z.string().optional(),
      fingerprint: z.string().optional(),
      linkedId: z.number(),
      linkedIsGroup: z.boolean(),
    }),
  ),
  deffile: z.string().optional(),
  metadata: containerMetadata,
  metadataSource: z.enum(['inspect-metadata', 'sif-objects', 'squashfs', 'none']),
  unavailable: list(z.string()),
});

const VERDICTS = [
  'verified',
  'legacy-verified',
  'data-tampered',
  'descriptor-tampered',
  'header-tampered',
  'objects-changed',
  'unknown-signer',
  'bad-signature',
  'fingerprint-mismatch',
  'legacy-needs-insecure',
  'dsse-unsupported',
  'malformed',
  'not-checked',
] as const;

/** One signature's verification (engine `SignatureResult`). */
const signatureResult = z.object({
  id: z.number(),
  format: z.enum(['pgp', 'legacy', 'dsse', 'unknown']),
  linkedId: z.number(),
  linkedIsGroup: z.boolean(),
  hashType: z.string().optional(),
  fingerprint: z.string().optional(),
  signer: z.object({ fingerprint: z.string(), userId: z.string().optional() }).optional(),
  issuerKeyId: z.string().optional(),
  /** Unix seconds, once verified. */
  signedAt: z.number().optional(),
  coveredIds: list(z.number()),
  verifiedIds: list(z.number()),
  objects: list(z.object({ id: z.number(), descriptorOk: z.boolean(), dataOk: z.boolean() })),
  verdict: z.enum(VERDICTS),
  message: z.string(),
});

/** The verify report per signature and per task (engine `VerifyReport`). */
export const verifyReport = z.object({
  ok: z.boolean(),
  signatures: list(signatureResult),
  tasks: list(
    z.object({
      kind: z.enum(['group', 'object']),
      id: z.number(),
      legacy: z.boolean(),
      ok: z.boolean(),
      signatureIds: list(z.number()),
      message: z.string(),
    }),
  ),
  problems: list(z.string()),
});

/** What to sign: every group (as `apptainer sign`), one group, or the groups of some objects. */
const signScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('image') }),
  z.object({ kind: z.literal('group'), groupId: objectId }),
  z.object({ kind: z.literal('objects'), objectIds: z.array(objectId).min(1).max(64) }),
]);

export const sifChannels = {
  'sif:inspect': {
    request: z.object({ path: localPath }),
    response: z.object({ path: z.string(), size: z.number(), report: inspectReport }),
  },
  'sif:sign': {
    request: z.object({
      path: localPath,
      /** A keyring key with its private half (fingerprint or 16-digit key ID). */
      fingerprint,
      /** Unlocks the key; write-only, registered as a secret, never stored or returned. */
      passphrase: z.string().min(1).max(1024),
      scope: signScope.optional(),
      /** Sign a copy made here first (must not exist); the original stays unsigned. */
      copyTo: localPath.optional(),
    }),
    response: z.object({
      /** The file that now carries the signatures (the copy, with `copyTo`). */
      path: z.string(),
      signatures: list(
        z.object({
          id: z.number(),
          groupId: z.number(),
          objectIds: list(z.number()),
          fingerprint: z.string(),
        }),
      ),
    }),
  },
  'sif:verify': {
    request: z.object({
      path: localPath,
      /** Also require a verified signature by one of these keys. */
      fingerprints: z.array(fingerprint).max(16).optional(),
      /** Armored public keys to verify with instead of the keyring. */
      publicKeys: z
        .array(
          z
            .string()
            .min(1)
            .max(1024 * 1024),
        )
        .max(8)
        .optional(),
      legacyInsecure: z.boolean().optional(),
      groupId: objectId.optional(),
      objectId: objectId.optional(),
    }),
    response: z.object({
      path: z.string(),
      ok: z.boolean(),
      /** Why it failed, or that it passed, in one line. */
      message: z.string(),
      signedBy: z
        .object({ ok: z.boolean(), message: z.string(), matchingIds: list(z.number()) })
        .optional(),
      report: verifyReport,
    }),
  },
} as const;
