import { readFile, rename } from 'node:fs/promises';
import { SifportError } from '../../errors.js';
import { tightenPrivateFileMode, writePrivateFileAtomic } from './private-file.js';

/** Options of {@link PrivateJsonFile}. */
export interface PrivateJsonFileOptions<T> {
  /** Checks the parsed JSON; undefined means corrupt (moved aside, never silently reset). */
  readonly parse: (value: unknown) => T | undefined;
  readonly empty: () => T;
  /** What the file holds, for messages ("accounts file"). */
  readonly label: string;
  readonly onWarning?: ((message: string) => void) | undefined;
}

/**
 * One JSON document in an owner-only file (0600 in a 0700 directory, written atomically),
 * as the CLI keeps logins, accounts and secrets (STYLE §10). Reading a file others can read
 * tightens it and warns; a corrupt file is moved to `FILE.corrupt-<time>` and reported.
 * Every read goes to disk, so concurrent CLI runs see each other; updates in this process
 * are serialised.
 */
export class PrivateJsonFile<T> {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly file: string,
    private readonly options: PrivateJsonFileOptions<T>,
  ) {}

  /** The current document (empty when the file does not exist). */
  async read(): Promise<T> {
    let text: string;
    try {
      await this.checkMode();
      text = await readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return this.options.empty();
      throw new SifportError(
        'CONFIG_INVALID',
        `Cannot read the ${this.options.label} ${this.file}: ${(err as Error).message}.`,
        { cause: err },
      );
    }
    let parsed: T | undefined;
    try {
      parsed = this.options.parse(JSON.parse(text));
    } catch {
      parsed = undefined;
    }
    if (parsed !== undefined) return parsed;
    const backup = `${this.file}.corrupt-${Date.now()}`;
    await rename(this.file, backup);
    this.options.onWarning?.(
      `The ${this.options.label} ${this.file} was not valid; it was moved to ${backup} and ignored.`,
    );
    return this.options.empty();
  }

  /** Reads, lets `change` modify the document, writes it back; serialised in-process. */
  update<R>(change: (doc: T) => R | Promise<R>): Promise<R> {
    const job = async (): Promise<R> => {
      const doc = await this.read();
      const result = await change(doc);
      await writePrivateFileAtomic(this.file, `${JSON.stringify(doc, null, 2)}\n`);
      return result;
    };
    const run = this.queue.then(job, job);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async checkMode(): Promise<void> {
    const was = await tightenPrivateFileMode(this.file);
    if (was === undefined) return;
    this.options.onWarning?.(
      `The ${this.options.label} ${this.file} was readable by other users (mode ${was.toString(8)}); it is now 0600.`,
    );
  }
}
