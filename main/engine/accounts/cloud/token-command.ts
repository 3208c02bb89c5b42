import { execFile } from 'node:child_process';
import { basename } from 'node:path';
import { SifportError } from '../../errors.js';
import { redact, registerSecret } from '../../redact.js';

/** Options of {@link runTokenCommand}. */
export interface TokenCommandOptions {
  /** Environment of the child (PATH decides which `aws` runs); default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>> | undefined;
  /** Kill the command after this many ms (default 60 s: SSO prompts can be slow). */
  readonly timeoutMs?: number | undefined;
  /** Largest output accepted, in bytes (default 64 KiB; tokens are a few KiB). */
  readonly maxBytes?: number | undefined;
  readonly signal?: AbortSignal | undefined;
}

/** What to install and what to run when a cloud CLI is missing or its session expired. */
const TOOL_HINTS: Readonly<Record<string, { install: string; login: string }>> = {
  aws: {
    install: 'install the AWS CLI v2 (https://aws.amazon.com/cli/)',
    login: 'run `aws sso login` (or `aws configure`) and try again',
  },
  az: {
    install: 'install the Azure CLI (https://aka.ms/azure-cli)',
    login: 'run `az login` and try again',
  },
  gcloud: {
    install: 'install the Google Cloud CLI (https://cloud.google.com/sdk/docs/install)',
    login: 'run `gcloud auth login` and try again',
  },
};

function hintsFor(program: string): { install: string; login: string } {
  const tool = basename(program).replace(/\.(exe|cmd)$/i, '');
  return (
    TOOL_HINTS[tool] ?? {
      install: `install ${tool} or fix the token command`,
      login: `check that \`${tool}\` works in a terminal`,
    }
  );
}

/** The last line of the command's stderr, redacted and shortened, for the error message. */
function lastLine(stderr: string): string {
  const line = stderr.trim().split('\n').at(-1)?.trim() ?? '';
  const short = line.length > 200 ? `${line.slice(0, 200)}…` : line;
  return short ? ` (${redact(short)})` : '';
}

/**
 * Runs a token command (`aws ecr get-login-password --region R`, oras.md §6) without a
 * shell, with a timeout and bounded output, and returns the token it printed (trimmed).
 * The token is registered with redact; it never appears in an error message. A missing
 * program says what to install; a failure says which login to renew.
 */
export function runTokenCommand(
  argv: readonly string[],
  options: TokenCommandOptions = {},
): Promise<string> {
  const [program, ...args] = argv;
  if (!program) return Promise.reject(new Error('empty token command'));
  const hints = hintsFor(program);
  const shown = argv.join(' ');
  return new Promise((resolve, reject) => {
    execFile(
      program,
      args,
      {
        env: { ...(options.env ?? process.env) },
        timeout: options.timeoutMs ?? 60_000,
        maxBuffer: options.maxBytes ?? 64 * 1024,
        signal: options.signal,
        windowsHide: true,
        shell: false,
      },
      (error, stdout, stderr) => {
        const token = String(stdout).trim();
        registerSecret(token);
        if (!error) {
          if (token === '' || /\s/.test(token)) {
            reject(
              new SifportError(
                'AUTH_REQUIRED',
                `\`${shown}\` printed no usable token; ${hints.login}.`,
              ),
            );
          } else resolve(token);
          return;
        }
        const e = error as NodeJS.ErrnoException & { killed?: boolean; code?: unknown };
        if (options.signal?.aborted) {
          reject(new SifportError('CANCELLED', 'Cancelled.'));
        } else if (e.code === 'ENOENT') {
          reject(
            new SifportError('AUTH_REQUIRED', `\`${program}\` was not found: ${hints.install}.`),
          );
        } else if (e.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
          reject(new SifportError('AUTH_REQUIRED', `\`${shown}\` printed too much output.`));
        } else if (e.killed) {
          reject(
            new SifportError(
              'AUTH_REQUIRED',
              `\`${shown}\` did not finish in time (is it waiting for a login?); ${hints.login}.`,
              { retryable: true },
            ),
          );
        } else {
          const status = typeof e.code === 'number' ? `exit status ${e.code}` : 'failed';
          reject(
            new SifportError(
              'AUTH_REQUIRED',
              `\`${shown}\` failed (${status})${lastLine(String(stderr))}: the cloud session may have expired; ${hints.login}.`,
            ),
          );
        }
      },
    );
  });
}
