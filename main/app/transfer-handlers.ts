import type { TransferQueue } from '../engine/transfers/queue/transfer-queue.js';
import type { JobConnection, JobSpec } from '../engine/transfers/queue/job.js';
import { parseReference } from '../engine/registry/reference.js';
import type { Handlers } from './dispatch.js';
import { jobLabel, jobViewOf, type UnlabelledSpec } from './job-view.js';

type TransferChannel =
  | 'transfer:push'
  | 'transfer:pull'
  | 'registry:copy'
  | 'transfer:list'
  | 'transfer:cancel'
  | 'transfer:retry'
  | 'transfer:resume'
  | 'transfer:clear';

function connectionOf(req: JobConnection): JobConnection {
  return { caFile: req.caFile, insecure: req.insecure, plainHttp: req.plainHttp };
}

/**
 * The transfers channels over the queue: a request is checked (its reference parses) and
 * queued at once; progress and the outcome arrive as events, and the drawer's actions act on
 * the queue's records.
 */
export function createTransferHandlers(queue: TransferQueue): Pick<Handlers, TransferChannel> {
  const enqueue = (spec: UnlabelledSpec) => {
    const record = queue.enqueue({ ...spec, label: jobLabel(spec) } as JobSpec);
    return { job: jobViewOf(record) };
  };
  return {
    'transfer:push': async (req) => {
      parseReference(req.reference);
      return enqueue({
        kind: 'push',
        file: req.file,
        reference: req.reference,
        connection: connectionOf(req),
      });
    },
    'transfer:pull': async (req) => {
      parseReference(req.reference);
      return enqueue({
        kind: 'pull',
        reference: req.reference,
        destination: req.destination,
        force: req.force,
        verify: req.verify && { fingerprint: req.verify.fingerprint },
        arch: req.arch,
        connection: connectionOf(req),
      });
    },
    'registry:copy': async (req) => {
      parseReference(req.from);
      parseReference(req.to);
      return enqueue({ kind: 'copy', from: req.from, to: req.to, connection: connectionOf(req) });
    },
    'transfer:list': async () => ({ jobs: queue.list().map(jobViewOf) }),
    'transfer:cancel': async (req) => ({ cancelled: queue.cancel(req.jobId) }),
    'transfer:retry': async (req) => ({ retried: queue.retry(req.jobId) }),
    'transfer:resume': async (req) => ({ resumed: queue.resume(req.jobId) }),
    'transfer:clear': async () => ({ cleared: queue.clearFinished() }),
  };
}
