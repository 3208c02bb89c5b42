import type { z } from 'zod';
import type { jobView } from '../../shared/transfers-contract.js';
import { parseReference } from '../engine/registry/reference.js';
import type { JobRecord, JobSpec } from '../engine/transfers/queue/job.js';
import { droppedFileName } from './upload-endpoint.js';
import { forWindow } from './window-error-text.js';

/** A job as the window sees it. */
export type JobView = z.infer<typeof jobView>;

/** `registry › repo:tag` for people, from an `oras://` reference (as given when unreadable). */
function shortRef(reference: string): string {
  try {
    const ref = parseReference(reference);
    const at = ref.digest ? `@${ref.digest.slice(0, 19)}` : `:${ref.tag ?? 'latest'}`;
    return `${ref.registry} › ${ref.repository}${at}`;
  } catch {
    return reference;
  }
}

/** A job's spec before it has a label. */
export type UnlabelledSpec = JobSpec extends infer S
  ? S extends JobSpec
    ? Omit<S, 'label'>
    : never
  : never;

/** What the drawer calls a job: "bwa_0.7.18.sif → registry.example › genomics/bwa:0.7.18". */
export function jobLabel(spec: UnlabelledSpec): string {
  if (spec.kind === 'push') return `${droppedFileName(spec.file)} → ${shortRef(spec.reference)}`;
  if (spec.kind === 'pull') return `${shortRef(spec.reference)} → ${spec.destination}`;
  return `${shortRef(spec.from)} ⇄ ${shortRef(spec.to)}`;
}

/** The contract's view of a queue record (no client, no secret: specs hold names only). */
export function jobViewOf(record: JobRecord): JobView {
  const { spec } = record;
  const [reference, source] =
    spec.kind === 'push'
      ? [spec.reference, spec.file]
      : spec.kind === 'pull'
        ? [spec.reference, spec.destination]
        : [spec.to, spec.from];
  return {
    id: record.id,
    kind: spec.kind,
    label: spec.label,
    state: record.state,
    reference,
    source,
    createdAt: record.createdAt,
    startedAt: record.startedAt,
    endedAt: record.endedAt,
    progress: record.progress && {
      ...record.progress,
      etaSeconds: record.progress.etaSeconds,
    },
    result: record.result,
    error: forWindow(record.error),
    attempts: record.attempts,
    nextRetryAt: record.nextRetryAt,
  };
}
