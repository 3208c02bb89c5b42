import type { TransferProgress, TransferView } from '../../store/domain.js';
import { formatAbsolute, formatBytes, formatEta, formatRate } from '../../ui/format.js';

const PHASES: Readonly<Record<TransferProgress['phase'], string>> = {
  checking: 'Checking',
  hashing: 'Hashing',
  uploading: 'Uploading',
  downloading: 'Downloading',
  verifying: 'Verifying',
  finishing: 'Finishing',
  done: 'Finishing',
};

/** "14:05": the time of day of an epoch-ms instant (a retry today). */
export function clockTime(ms: number): string {
  return formatAbsolute(ms).slice(11);
}

/**
 * A job's phase in a word or two (UI.md S9): Queued (or when it retries), the running phase,
 * Done with what the engine said ("SIF uploaded", "SIF mounted from …"), Failed, Cancelled,
 * Interrupted.
 */
export function phaseText(job: TransferView, progress?: TransferProgress): string {
  switch (job.state) {
    case 'queued':
      return job.nextRetryAt ? `Retrying at ${clockTime(job.nextRetryAt)}` : 'Queued';
    case 'running':
      return progress ? PHASES[progress.phase] : 'Starting';
    case 'done':
      return job.result?.summary ? `Done · ${job.result.summary}` : 'Done';
    case 'failed':
      return 'Failed';
    case 'cancelled':
      return 'Cancelled';
    case 'interrupted':
      return 'Interrupted';
  }
}

/** How sizes are written: the Appearance setting's IEC or SI (`useFormatters().bytes`). */
export type BytesFormat = (bytes: number) => string;

/** "1.21 of 3.42 GiB" (one unit when both share it), "1.21 MiB of 3.42 GiB" otherwise. */
export function bytesOf(done: number, total: number, fmt: BytesFormat = formatBytes): string {
  const a = fmt(done);
  const b = fmt(total);
  const unitA = a.split(' ')[1];
  return unitA === b.split(' ')[1] ? `${a.split(' ')[0]} of ${b}` : `${a} of ${b}`;
}

/**
 * "1.21 of 3.42 GiB · 38.4 MB/s · 58 s left"; "estimating…" while the engine has no ETA yet.
 * The progress bar's `aria-valuetext` says the same.
 */
export function progressText(progress: TransferProgress, fmt: BytesFormat = formatBytes): string {
  const parts = [bytesOf(progress.bytesDone, progress.bytesTotal, fmt)];
  if (progress.rate > 0) parts.push(formatRate(progress.rate));
  parts.push(formatEta(progress.etaSeconds));
  return parts.join(' · ');
}

/** 0–100, or undefined while the total is unknown (an indeterminate bar). */
export function percentOf(progress: TransferProgress | undefined): number | undefined {
  if (!progress || progress.bytesTotal <= 0) return undefined;
  return Math.min(100, (progress.bytesDone / progress.bytesTotal) * 100);
}

const VERBS = { push: 'Push', pull: 'Pull', copy: 'Copy' } as const;
const DONE = { push: 'Pushed', pull: 'Pulled', copy: 'Copied' } as const;

/** What the live region and the bell say when a job starts or ends; undefined otherwise. */
export function transitionNotice(
  before: TransferView | undefined,
  job: TransferView,
): { text: string; tone: 'info' | 'success' | 'warning' | 'danger' } | undefined {
  if (before?.state === job.state) return undefined;
  switch (job.state) {
    case 'running':
      return { text: `${VERBS[job.kind]} started: ${job.label}`, tone: 'info' };
    case 'done':
      return { text: `${DONE[job.kind]} ${job.label}`, tone: 'success' };
    case 'failed':
      return {
        text: `${VERBS[job.kind]} failed: ${job.label}. ${job.error?.message ?? ''}`.trim(),
        tone: 'danger',
      };
    case 'cancelled':
      return { text: `${VERBS[job.kind]} cancelled: ${job.label}`, tone: 'warning' };
    default:
      return undefined;
  }
}
