import type { ErrorInfo } from '../../shared/error-codes.js';
import type { SifportError } from '../engine/errors.js';
import { redact } from '../engine/redact.js';
import type { TextSink } from './io.js';

/** Collapses a message to one line: the CLI's error contract is one line on stderr. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/**
 * The CLI's only way to print. Human text goes to stdout, except in `--json` mode where the
 * command prints exactly one JSON object instead; warnings and errors go to stderr as
 * `sifport: …`. Everything passes through {@link redact}, so a registered password or token
 * can never reach the terminal even if a message carried one by mistake.
 */
export class Output {
  constructor(
    private readonly stdout: TextSink,
    private readonly stderr: TextSink,
    readonly json: boolean,
  ) {}

  /** A line of human output (ignored in `--json` mode). */
  line(text: string): void {
    if (!this.json) this.stdout.write(`${redact(text)}\n`);
  }

  /** The machine result in `--json` mode: one object on one line. */
  result(value: unknown): void {
    if (this.json) this.stdout.write(`${redact(JSON.stringify(value))}\n`);
  }

  /** Free text (help, version) to stdout, whatever the mode. */
  text(text: string): void {
    this.stdout.write(redact(text.endsWith('\n') ? text : `${text}\n`));
  }

  /** A warning on stderr; does not change the exit status. */
  warn(message: string): void {
    this.stderr.write(`sifport: warning: ${redact(oneLine(message))}\n`);
  }

  /** Reports a failure: one `sifport: …` line on stderr, plus `{"error":…}` on stdout in JSON mode. */
  error(err: SifportError): void {
    const message = redact(oneLine(err.message));
    if (this.json) {
      const info: Pick<ErrorInfo, 'code' | 'message' | 'retryable' | 'detail'> = {
        code: err.code,
        message,
        retryable: err.retryable,
        ...(err.detail === undefined ? {} : { detail: err.detail }),
      };
      this.stdout.write(`${redact(JSON.stringify({ error: info }))}\n`);
    }
    this.stderr.write(`sifport: ${message}\n`);
  }
}
