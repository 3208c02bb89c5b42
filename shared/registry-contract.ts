import { z } from 'zod';
import { ERROR_CODES } from './error-codes.js';
import { inspectReport } from './sif-contract.js';

/**
 * The registry part of the IPC contract the explorer needs (issue #11, UI.md S5, S6, S8):
 * a manifest with its exact bytes, the remote SIF peek, per-tag details for the grid, and
 * delete with a dry run. `registry:copy` is a transfer and lives with the queue.
 */

const reference = z.string().min(1).max(1024);
const connection = {
  caFile: z.string().max(4096).optional(),
  insecure: z.boolean().optional(),
  plainHttp: z.boolean().optional(),
};
const tag = z.string().min(1).max(128);

/** The config blob of an image manifest (Config tab). */
const configDocument = z.object({
  digest: z.string(),
  mediaType: z.string(),
  size: z.number(),
  /** The blob as JSON, when at most 64 KiB, verified and JSON. */
  json: z.unknown().optional(),
  /** Why `json` is absent, in one sentence. */
  note: z.string().optional(),
});

/** One row of the tag grid, or why that tag could not be described. */
const tagDetails = z.discriminatedUnion('ok', [
  z.object({
    tag: z.string(),
    ok: z.literal(true),
    kind: z.enum(['image', 'index']),
    digest: z.string(),
    mediaType: z.string(),
    /** Bytes of the content it references (layers plus config; an index: its entries). */
    size: z.number(),
    /** RFC 3339 `org.opencontainers.image.created`, when the manifest has it. */
    created: z.string().optional(),
    isSif: z.boolean(),
    /** The pushed file's name (layer title), for a SIF. */
    title: z.string().optional(),
    /** `os/arch` of each entry of an index; empty for an image manifest (arch unknown). */
    platforms: z.array(z.string()),
    /**
     * Signature count: always absent here, since a SIF's signatures are inside the image and
     * the manifest does not tell (the grid shows "unknown"; `registry:peek` lists them).
     */
    signatures: z.number().optional(),
  }),
  z.object({
    tag: z.string(),
    ok: z.literal(false),
    error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }),
  }),
]);

export const registryChannels = {
  'registry:manifest': {
    request: z.object({ reference, ...connection }),
    response: z.object({
      digest: z.string(),
      mediaType: z.string(),
      /** Bytes of the manifest. */
      size: z.number(),
      /** The manifest as parsed JSON (Pretty view). */
      manifest: z.unknown(),
      /**
       * The exact digested bytes (Raw view): UTF-8 text when they decode and encode back to
       * the same bytes (`rawEncoding: 'utf8'`), else base64 (`'base64'`).
       */
      raw: z.string(),
      rawEncoding: z.enum(['utf8', 'base64']),
      config: configDocument.optional(),
    }),
  },
  'registry:peek': {
    request: z.object({ reference, arch: z.string().max(32).optional(), ...connection }),
    response: z.object({
      manifestDigest: z.string(),
      layer: z.object({ digest: z.string(), size: z.number() }),
      /** Body bytes fetched by Range ("Read 212 KiB of 3.42 GiB"). */
      bytesRead: z.number(),
      /** Size of the whole SIF. */
      totalBytes: z.number(),
      requests: z.number(),
      /** The registry ignored Range and the (small) image was read whole. */
      wholeBlob: z.boolean(),
      /** Header, objects, definition file, labels, environment, run script, signers. */
      report: inspectReport,
    }),
  },
  'registry:details': {
    request: z.object({
      /** `oras://REGISTRY/REPO` (a tag or digest on it is ignored). */
      repository: reference,
      tags: z.array(tag).min(1).max(100),
      ...connection,
    }),
    response: z.object({ details: z.array(tagDetails) }),
  },
  'registry:delete': {
    request: z.object({
      /** `oras://…:TAG` or `oras://…@sha256:…`; a real run needs the digest. */
      reference,
      /** Resolve and list what would go, change nothing. */
      dryRun: z.boolean(),
      ...connection,
    }),
    response: z.object({
      digest: z.string(),
      /** Every tag on the digest: those that would go (dry run) or went (engine `DeleteResult`). */
      tags: z.array(z.string()),
      deleted: z.boolean(),
    }),
  },
} as const;
