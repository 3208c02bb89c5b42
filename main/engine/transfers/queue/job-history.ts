import { PrivateJsonFile } from '../../accounts/stores/private-json-file.js';
import { JOB_STATES } from '../../../../shared/transfers-contract.js';
import type { JobRecord } from './job.js';

/**
 * Where the transfer history lives between runs of the app: the profile's file, or memory
 * (tests, a session without a profile). Records are kept newest first.
 */
export interface JobHistory {
  /** The records an earlier run saved, newest first (none when there is no history yet). */
  load(): Promise<JobRecord[]>;
  /** Replaces the saved records with these. */
  save(records: readonly JobRecord[]): Promise<void>;
}

interface HistoryDoc {
  version: 1;
  jobs: JobRecord[];
}

const STATES: ReadonlySet<string> = new Set(JOB_STATES);
const KINDS: ReadonlySet<string> = new Set(['push', 'pull', 'copy']);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Enough of a record to show and run it again; anything less is dropped on load. */
function isRecord(value: unknown): value is JobRecord {
  if (!isObject(value) || !isObject(value.spec)) return false;
  return (
    typeof value.id === 'string' &&
    typeof value.state === 'string' &&
    STATES.has(value.state) &&
    typeof value.createdAt === 'number' &&
    typeof value.attempts === 'number' &&
    typeof value.spec.kind === 'string' &&
    KINDS.has(value.spec.kind) &&
    typeof value.spec.label === 'string'
  );
}

/**
 * The history in one owner-only JSON file in the profile (`transfers.json`, 0600, written
 * atomically through {@link PrivateJsonFile}): a file that is not a history is moved aside
 * and reported; single records this version cannot read (a newer version's) are dropped
 * with a warning rather than losing the rest.
 */
export class FileJobHistory implements JobHistory {
  private readonly file: PrivateJsonFile<HistoryDoc>;

  /** @param onWarning told about a corrupt file, loose permissions, dropped records */
  constructor(
    path: string,
    private readonly onWarning: (message: string) => void,
  ) {
    this.file = new PrivateJsonFile<HistoryDoc>(path, {
      label: 'transfer history',
      parse: (value) =>
        isObject(value) && Array.isArray(value.jobs) ? this.parse(value.jobs) : undefined,
      empty: () => ({ version: 1, jobs: [] }),
      onWarning,
    });
  }

  async load(): Promise<JobRecord[]> {
    return (await this.file.read()).jobs;
  }

  async save(records: readonly JobRecord[]): Promise<void> {
    await this.file.update((doc) => {
      doc.version = 1;
      doc.jobs = [...records];
    });
  }

  private parse(jobs: unknown[]): HistoryDoc {
    const kept = jobs.filter(isRecord);
    if (kept.length < jobs.length) {
      this.onWarning(
        `${jobs.length - kept.length} of ${jobs.length} transfers in ${this.file.file} could not be read and were left out.`,
      );
    }
    return { version: 1, jobs: kept };
  }
}

/** A history in memory: what tests and profile-less sessions use; `saves` counts writes. */
export class MemoryJobHistory implements JobHistory {
  private records: JobRecord[];
  /** How many times {@link save} ran (tests check that progress does not write). */
  saves = 0;

  constructor(initial: readonly JobRecord[] = []) {
    this.records = structuredClone([...initial]);
  }

  async load(): Promise<JobRecord[]> {
    return structuredClone(this.records);
  }

  async save(records: readonly JobRecord[]): Promise<void> {
    this.saves++;
    this.records = structuredClone([...records]);
  }
}
