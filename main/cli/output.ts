import type { ErrorInfo } from '../../shared/error-codes.js';
import type { SifportError } from '../engine/errors.js';
import { redact } from '../engine/redact.js';
import type { TextSink } from './io.js';

/**
 * Characters a terminal may act on rather than show: C0 controls (newline, ESC, BEL, NUL…),
 * DEL, C1 controls (0x9b is CSI on some terminals), the line and paragraph separators, and
 * the bidirectional overrides and isolates that can make `abc\u202Efed.sif` look like
 * `abcdef.sif`.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeChar(ch: string): string {
  const code = ch.codePointAt(0)!;
  if (NAMED[ch]) return NAMED[ch];
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
}

/**
 * Remote text (tags, repository names, titles, SIF labels, registry messages) as it may be
 * printed: every character a terminal would act on becomes a visible escape (`\n`, `\x1b`,
 * `\u{202e}`), so a hostile name can neither add lines nor send escape sequences. With
 * `multiline`, newlines, tabs and CRLF line ends stay (definition files, scripts).
 */
export function printable(text: string, multiline = false): string {
  return text.replace(UNSAFE, (ch, offset: number) =>
    multiline && (ch === '\n' || ch === '\t' || (ch === '\r' && text[offset + 1] === '\n'))
      ? ch
      : escapeChar(ch),
  );
}

/** JSON text with DEL, C1 and separator characters escaped too (JSON.stringify leaves them). */
function safeJson(value: unknown): string {
  return JSON.stringify(value).replace(
    UNSAFE,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Collapses a message to one line: the CLI's error contract is one line on stderr. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/**
 * The CLI's only way to print. Human text goes to stdout, except in `--json` mode where the
 * command prints exactly one JSON object instead; warnings and errors go to stderr as
 * `sifport: …`. Everything passes through {@link redact}, so a registered password or token
 * can never reach the terminal even if a message carried one by mistake, and through
 * {@link printable}, so no remote string can add lines or send escape sequences.
 */
export class Output {
  constructor(
    private readonly stdout: TextSink,
    private readonly stderr: TextSink,
    readonly json: boolean,
  ) {}

  /** A line of human output (ignored in `--json` mode). */
  line(text: string): void {
    if (!this.json) this.stdout.write(`${printable(redact(text))}\n`);
  }

  /** The machine result in `--json` mode: one object on one line. */
  result(value: unknown): void {
    if (this.json) this.stdout.write(`${redact(safeJson(value))}\n`);
  }

  /** Free text (help, version) to stdout, whatever the mode. */
  text(text: string): void {
    this.stdout.write(printable(redact(text.endsWith('\n') ? text : `${text}\n`), true));
  }

  /** A warning on stderr; does not change the exit status. */
  warn(message: string): void {
    this.stderr.write(`sifport: warning: ${printable(redact(oneLine(message)))}\n`);
  }

  /** What the command is doing or waiting for, as one `sifport: …` line on stderr. */
  note(message: string): void {
    this.stderr.write(`sifport: ${printable(redact(message))}\n`);
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
      this.stdout.write(`${redact(safeJson({ error: info }))}\n`);
    }
    this.stderr.write(`sifport: ${printable(message)}\n`);
  }
}
