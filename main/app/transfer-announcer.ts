import type { JobRecord } from '../engine/transfers/queue/job.js';
import { checkedEvent, type EventSink } from './dispatch.js';
import type { TransferNotifier } from './handlers.js';
import { jobViewOf } from './job-view.js';

const FINISHED = new Set(['done', 'failed', 'cancelled']);

function title(record: JobRecord): string {
  const verb = { push: 'Push', pull: 'Pull', copy: 'Copy' }[record.spec.kind];
  if (record.state === 'done')
    return `${{ push: 'Pushed', pull: 'Pulled', copy: 'Copied' }[record.spec.kind]} ${record.spec.label}`;
  return `${verb} failed: ${record.spec.label}`;
}

/**
 * Turns queue changes into the window's events (issue #11): a state change is
 * `transfer:changed` (plus `transfer:finished` and a notification when a job ends), anything
 * else `transfer:progress`, which the queue already throttles to ~10 per second per job.
 */
export function transferAnnouncer(emit: EventSink, notifier: TransferNotifier) {
  const states = new Map<string, string>();
  return (record: JobRecord): void => {
    const before = states.get(record.id);
    states.set(record.id, record.state);
    if (before === record.state && record.state === 'running' && record.progress) {
      emit(
        'transfer:progress',
        checkedEvent('transfer:progress', {
          jobId: record.id,
          progress: jobViewOf(record).progress!,
        }),
      );
      return;
    }
    const job = jobViewOf(record);
    emit('transfer:changed', checkedEvent('transfer:changed', { job }));
    if (before !== record.state && FINISHED.has(record.state)) {
      emit('transfer:finished', checkedEvent('transfer:finished', { job }));
      if (record.state !== 'cancelled') {
        void notifier.finished({
          jobId: record.id,
          ok: record.state === 'done',
          title: title(record),
          body:
            record.state === 'done'
              ? [record.result?.summary, record.result?.digest ?? record.result?.path]
                  .filter(Boolean)
                  .join(': ')
              : (record.error?.message ?? 'It failed.'),
        });
      }
    }
  };
}
