import { z } from 'zod';
import { ERROR_CODES } from './error-codes.js';

/**
 * The transfers part of the IPC contract (issue #11, UI.md S9): push, pull and copy jobs in
 * one queue, their list, and the actions the drawer offers (cancel, retry, resume, clear).
 */

const reference = z.string().min(1).max(1024);
const path = z.string().min(1).max(4096);
const connection = {
  caFile: z.string().max(4096).optional(),
  insecure: z.boolean().optional(),
  plainHttp: z.boolean().optional(),
};

/** Phases a transfer goes through, in order (UI.md S9). */
export const TRANSFER_PHASES = [
  'checking',
  'hashing',
  'uploading',
  'downloading',
  'verifying',
  'finishing',
  'done',
] as const;

/** Where a job is; `interrupted` means the app quit while it was queued or running. */
export const JOB_STATES = [
  'queued',
  'running',
  'done',
  'failed',
  'cancelled',
  'interrupted',
] as const;

const errorView = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  retryable: z.boolean(),
  detail: z.unknown().optional(),
});

const progressView = z.object({
  phase: z.enum(TRANSFER_PHASES),
  bytesDone: z.number().nonnegative(),
  bytesTotal: z.number().nonnegative(),
  /** Bytes per second, smoothed over a few seconds. */
  rate: z.number().nonnegative(),
  /** Seconds left; absent while still estimating. */
  etaSeconds: z.number().nonnegative().optional(),
});

/** One job as the drawer shows it. Times are epoch milliseconds. */
export const jobView = z.object({
  id: z.string(),
  kind: z.enum(['push', 'pull', 'copy']),
  /** "bwa_0.7.18.sif → registry.example › genomics/bwa:0.7.18" */
  label: z.string(),
  state: z.enum(JOB_STATES),
  /** The registry side: the push target, the pull source, the copy target. */
  reference: z.string(),
  /** The local side: the pushed file or the pull destination; the copy source. */
  source: z.string(),
  createdAt: z.number(),
  startedAt: z.number().optional(),
  endedAt: z.number().optional(),
  progress: progressView.optional(),
  result: z
    .object({
      digest: z.string().optional(),
      path: z.string().optional(),
      summary: z.string().optional(),
      /** A pull that verified its signatures: what the check found. */
      verified: z.string().optional(),
    })
    .optional(),
  error: errorView.optional(),
  attempts: z.number().int().nonnegative(),
  /** When an automatic retry starts (while `queued` after a failure). */
  nextRetryAt: z.number().optional(),
});

const started = z.object({ job: jobView });
const byId = z.object({ jobId: z.string().min(1).max(100) });

export const transferChannels = {
  'transfer:push': {
    request: z.object({ file: path, reference, ...connection }),
    response: started,
  },
  'transfer:pull': {
    request: z.object({
      reference,
      destination: path,
      force: z.boolean().optional(),
      /**
       * Verify the signatures with the keyring before the file lands; it fails with
       * SIGNATURE_INVALID (and nothing is written) when they do not. `fingerprint` requires
       * that signer (a fingerprint or 16-digit key ID); without it any keyring key will do.
       */
      verify: z.object({ fingerprint: z.string().min(1).max(128).optional() }).optional(),
      /** Architecture to pick from an image index (Go names: amd64, arm64); default: the host's. */
      arch: z.string().min(1).max(32).optional(),
      ...connection,
    }),
    response: started,
  },
  /** Copies a tag to another repository or registry (mounted when both are on one registry). */
  'registry:copy': {
    request: z.object({ from: reference, to: reference, ...connection }),
    response: started,
  },
  'transfer:list': { request: z.object({}), response: z.object({ jobs: z.array(jobView) }) },
  'transfer:cancel': { request: byId, response: z.object({ cancelled: z.boolean() }) },
  'transfer:retry': { request: byId, response: z.object({ retried: z.boolean() }) },
  'transfer:resume': { request: byId, response: z.object({ resumed: z.boolean() }) },
  'transfer:clear': { request: z.object({}), response: z.object({ cleared: z.number() }) },
} as const;

export const transferEvents = {
  /** A job was queued, started, finished, or waits to retry (not sent for progress). */
  'transfer:changed': z.object({ job: jobView }),
  /** Progress of a running job, at most ~10 per second per job. */
  'transfer:progress': z.object({ jobId: z.string(), progress: progressView }),
  /** A job reached done, failed or cancelled. */
  'transfer:finished': z.object({ job: jobView }),
} as const;
