import type { ErrorInfo } from '../../../../shared/error-codes.js';
import type { TransferPhase } from '../progress.js';

/**
 * Registry connection settings a job carries (CA file, insecure TLS, plain HTTP), the same
 * fields as a transfer request, so a job restored after a restart connects as it did.
 */
export interface JobConnection {
  readonly caFile?: string | undefined;
  readonly insecure?: boolean | undefined;
  readonly plainHttp?: boolean | undefined;
}

/** Pushes a local SIF to `reference` (`oras://HOST/REPO:TAG`). */
export interface PushJobSpec {
  readonly kind: 'push';
  readonly file: string;
  readonly reference: string;
  readonly connection?: JobConnection | undefined;
  /** What people see in the transfers drawer ("bwa_0.7.18.sif → lab-prod › genomics/bwa:0.7.18"). */
  readonly label: string;
}

/** Pulls `reference` to `destination` (a file, or a folder to put it in). */
export interface PullJobSpec {
  readonly kind: 'pull';
  readonly reference: string;
  readonly destination: string;
  readonly force?: boolean | undefined;
  /**
   * Verify the signatures with the keyring's public keys before the file lands (as `pull
   * --fingerprint`): `fingerprint` requires that signer, without it any keyring key will do.
   */
  readonly verify?: { readonly fingerprint?: string | undefined } | undefined;
  /** Architecture to pick from an image index (default: this machine's). */
  readonly arch?: string | undefined;
  readonly connection?: JobConnection | undefined;
  readonly label: string;
}

/** Copies an artifact from one registry (or repository) to another, with no local file. */
export interface CopyJobSpec {
  readonly kind: 'copy';
  readonly from: string;
  readonly to: string;
  /** Settings for both ends; each end's account comes from `clientFor`. */
  readonly connection?: JobConnection | undefined;
  readonly label: string;
}

/**
 * What a job does, as plain JSON: it is kept in the history file and runs again on
 * `retry`/`resume`, so it holds names and paths only, never a client or a secret.
 */
export type JobSpec = PushJobSpec | PullJobSpec | CopyJobSpec;

/**
 * Where a job is. `queued` also covers "waiting to retry" (then `nextRetryAt` is set and
 * `error` holds the failure that will be retried); `interrupted` means the app quit (or the
 * queue closed) while it was queued or running, and `resume` continues it.
 */
export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled' | 'interrupted';

/** States a job never leaves on its own (retry/resume start a new run of the same record). */
export const FINISHED_STATES: ReadonlySet<JobState> = new Set([
  'done',
  'failed',
  'cancelled',
  'interrupted',
]);

/**
 * Progress of the running attempt (STYLE §12): bytes of the current phase, `rate` in bytes
 * per second smoothed over a few seconds, `etaSeconds` undefined while still estimating.
 */
export interface JobProgress {
  readonly phase: TransferPhase;
  readonly bytesDone: number;
  readonly bytesTotal: number;
  readonly rate: number;
  readonly etaSeconds: number | undefined;
}

/** What a finished job produced, for the drawer's Copy digest / Show in folder / summary. */
export interface JobResult {
  /** Manifest digest pushed, pulled or copied. */
  readonly digest?: string | undefined;
  /** File a pull wrote. */
  readonly path?: string | undefined;
  /** One line for people ("already there", "mounted from genomics/bwa"). */
  readonly summary?: string | undefined;
  /** A pull that verified: what the check found ("1 signature(s) verified, signed by …"). */
  readonly verified?: string | undefined;
}

/**
 * One job as the drawer and the history file see it. Times are epoch milliseconds.
 * `attempts` counts runs started (automatic and manual retries and resumes included).
 */
export interface JobRecord {
  readonly id: string;
  readonly spec: JobSpec;
  readonly state: JobState;
  readonly createdAt: number;
  readonly startedAt?: number | undefined;
  readonly endedAt?: number | undefined;
  readonly progress?: JobProgress | undefined;
  readonly result?: JobResult | undefined;
  readonly error?: ErrorInfo | undefined;
  readonly attempts: number;
  /** Set while waiting to retry automatically: when the next attempt starts (epoch ms). */
  readonly nextRetryAt?: number | undefined;
}

/** What a runner reports while it works; the queue adds the smoothed rate and the ETA. */
export interface RunnerProgress {
  readonly phase: TransferPhase;
  readonly bytesDone: number;
  readonly bytesTotal: number;
}

/** What the queue hands a runner for one attempt. */
export interface RunContext {
  /** Aborted on cancel and on close; the runner must stop and clean up (upload sessions). */
  readonly signal: AbortSignal;
  readonly onProgress: (progress: RunnerProgress) => void;
  /** True when continuing an interrupted job (a pull picks up its partial file). */
  readonly resume: boolean;
}

/**
 * Runs one attempt of a job: the app maps specs to `pushSif`/`pullSif`/`copySif`
 * (`run-job.ts`), tests pass a fake. Throw a `SifportError` whose `retryable` says whether
 * an automatic retry may help.
 */
export type JobRunner = (spec: JobSpec, context: RunContext) => Promise<JobResult>;
