import { execFile } from 'node:child_process';
import { SifportError } from '../../errors.js';
import { redact, registerBasicCredential, registerSecret } from '../../redact.js';
import type { Credential } from '../../registry/auth/credentials.js';

/** Options for running a `docker-credential-*` helper. */
export interface CredentialHelperOptions {
  /** Environment of the helper; its `PATH` is where the program is looked up. */
  readonly env?: NodeJS.ProcessEnv | undefined;
  /** Kill the helper after this many milliseconds (default 60 000: some prompt for a PIN). */
  readonly timeoutMs?: number | undefined;
}

/** The user name helpers report for an identity (refresh) token (oras.md §5.2). */
export const IDENTITY_TOKEN_USERNAME = '<token>';

const DEFAULT_TIMEOUT_MS = 60_000;
/** Helper output beyond this many bytes is refused (a real answer is a few hundred bytes). */
const MAX_OUTPUT_BYTES = 1024 * 1024;
const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const NOT_FOUND_RE = /credentials not found/i;

/** Where to get the helpers people most often have configured. */
const INSTALL_HINTS: Record<string, string> = {
  desktop: 'it comes with Docker Desktop',
  osxkeychain: 'from https://github.com/docker/docker-credential-helpers',
  wincred: 'from https://github.com/docker/docker-credential-helpers',
  pass: 'from https://github.com/docker/docker-credential-helpers (needs pass set up)',
  secretservice: 'from https://github.com/docker/docker-credential-helpers',
  'ecr-login': 'from https://github.com/awslabs/amazon-ecr-credential-helper',
  gcloud: 'with the Google Cloud CLI (gcloud)',
  gcr: 'from https://github.com/GoogleCloudPlatform/docker-credential-gcr',
  'acr-env': 'from https://github.com/chrismellard/docker-credential-acr-env',
};

/** The program a helper name stands for: `docker-credential-<name>` (docker-credential-helpers). */
export function helperProgram(name: string): string {
  return `docker-credential-${name}`;
}

interface HelperResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function helperError(name: string, verb: string, why: string, retryable = false): SifportError {
  return new SifportError(
    'AUTH_REQUIRED',
    `The credential helper ${helperProgram(name)} failed to ${verb}: ${why}`,
    { retryable },
  );
}

/** Runs `docker-credential-<name> <verb>` without a shell, feeding `input` on stdin. */
function runHelper(
  name: string,
  verb: string,
  input: string,
  options: CredentialHelperOptions,
): Promise<HelperResult> {
  if (!NAME_RE.test(name)) {
    return Promise.reject(
      new SifportError('CONFIG_INVALID', `"${name}" is not a valid credential helper name.`),
    );
  }
  const program = helperProgram(name);
  return new Promise((resolve, reject) => {
    const child = execFile(
      program,
      [verb],
      {
        env: options.env ?? process.env,
        timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        maxBuffer: MAX_OUTPUT_BYTES,
        windowsHide: true,
        encoding: 'utf8',
      },
      (err, stdout, stderr) => {
        if (!err) return resolve({ code: 0, stdout, stderr });
        const e = err as Error & { killed?: boolean; code?: unknown; signal?: string | null };
        if (e.code === 'ENOENT') {
          const hint = INSTALL_HINTS[name];
          return reject(
            new SifportError(
              'CONFIG_INVALID',
              `The credential helper ${program} is not installed or not on PATH. Install ${program}` +
                `${hint ? ` (${hint})` : ''}, or remove "${name}" from credsStore/credHelpers in the config file.`,
            ),
          );
        }
        if (e.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
          return reject(helperError(name, verb, 'it printed too much output.'));
        }
        if (e.killed) {
          return reject(helperError(name, verb, 'it did not finish in time.', true));
        }
        if (typeof e.code === 'number') return resolve({ code: e.code, stdout, stderr });
        const why = e.signal
          ? `it was stopped by ${e.signal}`
          : String(e.code ?? 'it could not run');
        reject(helperError(name, verb, `${why}.`));
      },
    );
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(input);
  });
}

/** The helper's own words about a failure, shortened and with secrets removed. */
function reason(result: HelperResult): string {
  const said = `${result.stdout}\n${result.stderr}`.trim().replace(/\s+/g, ' ').slice(0, 300);
  return redact(said || `exit status ${result.code}`);
}

/**
 * `get` (docker-credential-helpers protocol, oras.md §5.2): the server key on stdin, a JSON
 * `{ServerURL, Username, Secret}` back. A username of `<token>` makes an identity-token
 * credential. Resolves undefined when the helper has no credentials for `serverUrl`.
 */
export async function helperGet(
  name: string,
  serverUrl: string,
  options: CredentialHelperOptions = {},
): Promise<Credential | undefined> {
  const result = await runHelper(name, 'get', serverUrl, options);
  if (result.code !== 0) {
    if (NOT_FOUND_RE.test(result.stdout) || NOT_FOUND_RE.test(result.stderr)) return undefined;
    throw helperError(name, 'get', `${reason(result)}.`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(result.stdout);
  } catch {
    throw helperError(name, 'get', 'its answer is not JSON.');
  }
  const answer = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<
    string,
    unknown
  >;
  const username = typeof answer['Username'] === 'string' ? answer['Username'] : '';
  const secret = typeof answer['Secret'] === 'string' ? answer['Secret'] : '';
  if (!secret) return undefined;
  if (username === IDENTITY_TOKEN_USERNAME) {
    registerSecret(secret);
    return { kind: 'identity-token', token: secret };
  }
  registerBasicCredential(username, secret);
  return { kind: 'basic', username, password: secret };
}

/**
 * `store`: saves a credential under `serverUrl`. An identity token is stored with the user
 * name `<token>`, as docker does; a registry token cannot be stored in a helper.
 */
export async function helperStore(
  name: string,
  serverUrl: string,
  credential: Credential,
  options: CredentialHelperOptions = {},
): Promise<void> {
  if (credential.kind === 'registry-token') {
    throw new SifportError(
      'UNSUPPORTED',
      `A registry token cannot be saved in ${helperProgram(name)}; helpers hold user name and secret pairs.`,
    );
  }
  const secret = credential.kind === 'basic' ? credential.password : credential.token;
  const username = credential.kind === 'basic' ? credential.username : IDENTITY_TOKEN_USERNAME;
  registerBasicCredential(username, secret);
  const input = JSON.stringify({ ServerURL: serverUrl, Username: username, Secret: secret });
  const result = await runHelper(name, 'store', input, options);
  if (result.code !== 0) throw helperError(name, 'store', `${reason(result)}.`);
}

/** `erase`: removes the credential for `serverUrl`; resolves false when there was none. */
export async function helperErase(
  name: string,
  serverUrl: string,
  options: CredentialHelperOptions = {},
): Promise<boolean> {
  const result = await runHelper(name, 'erase', serverUrl, options);
  if (result.code === 0) return true;
  if (NOT_FOUND_RE.test(result.stdout) || NOT_FOUND_RE.test(result.stderr)) return false;
  throw helperError(name, 'erase', `${reason(result)}.`);
}

/** `list`: server key → user name for every credential the helper holds (no secrets). */
export async function helperList(
  name: string,
  options: CredentialHelperOptions = {},
): Promise<Record<string, string>> {
  const result = await runHelper(name, 'list', '', options);
  if (result.code !== 0) throw helperError(name, 'list', `${reason(result)}.`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(result.stdout || '{}');
  } catch {
    throw helperError(name, 'list', 'its answer is not JSON.');
  }
  const out: Record<string, string> = {};
  if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
    for (const [server, user] of Object.entries(parsed)) {
      if (typeof user === 'string') out[server] = user;
    }
  }
  return out;
}
