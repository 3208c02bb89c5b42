import { readFile, rename } from 'node:fs/promises';
import { SifportError } from '../../errors.js';
import { registerBasicCredential } from '../../redact.js';
import type { CredentialStore, StoredLogin } from './credential-store.js';
import { tightenPrivateFileMode, writePrivateFileAtomic } from './private-file.js';

/** Options of {@link FileCredentialStore}. */
export interface FileCredentialStoreOptions {
  /** Receives problems that were fixed or worked around (loose permissions, a corrupt file). */
  readonly onWarning?: ((message: string) => void) | undefined;
}

interface LoginsFile {
  readonly version: 1;
  readonly logins: Record<string, StoredLogin>;
}

function validLogin(value: unknown): value is StoredLogin {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const optional = (k: string, t: string): boolean => v[k] === undefined || typeof v[k] === t;
  return (
    typeof v['username'] === 'string' &&
    typeof v['password'] === 'string' &&
    optional('caFile', 'string') &&
    optional('insecure', 'boolean') &&
    optional('plainHttp', 'boolean')
  );
}

function parseLogins(text: string): Record<string, StoredLogin> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const logins = (parsed as { logins?: unknown } | null)?.logins;
  if (typeof logins !== 'object' || logins === null || Array.isArray(logins)) return undefined;
  const out: Record<string, StoredLogin> = {};
  for (const [registry, login] of Object.entries(logins)) {
    if (!validLogin(login)) return undefined;
    out[registry] = login;
  }
  return out;
}

/**
 * A {@link CredentialStore} in one JSON file (the CLI's `logins.json`), mode 0600 in a 0700
 * directory, rewritten atomically. Reading a file that group or others can read tightens it
 * to 0600 and warns; a corrupt file is moved aside to `logins.json.corrupt-<time>` and
 * reported, never silently reset (STYLE §10). Every call re-reads the file, so concurrent
 * CLI processes see each other's logins; writes in this process are serialised.
 */
export class FileCredentialStore implements CredentialStore {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly file: string,
    private readonly options: FileCredentialStoreOptions = {},
  ) {}

  async get(registry: string): Promise<StoredLogin | undefined> {
    return (await this.read())[registry];
  }

  async list(): Promise<string[]> {
    return Object.keys(await this.read()).sort();
  }

  put(registry: string, login: StoredLogin): Promise<void> {
    return this.serialise(async () => {
      const logins = await this.read();
      logins[registry] = compact(login);
      await this.write(logins);
    });
  }

  delete(registry: string): Promise<boolean> {
    return this.serialise(async () => {
      const logins = await this.read();
      if (!(registry in logins)) return false;
      delete logins[registry];
      await this.write(logins);
      return true;
    });
  }

  private serialise<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job, job);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async read(): Promise<Record<string, StoredLogin>> {
    let text: string;
    try {
      await this.checkMode();
      text = await readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw new SifportError(
        'CONFIG_INVALID',
        `Cannot read the logins file ${this.file}: ${(err as Error).message}.`,
        { cause: err },
      );
    }
    const logins = parseLogins(text);
    if (logins === undefined) {
      const backup = `${this.file}.corrupt-${Date.now()}`;
      await rename(this.file, backup);
      this.options.onWarning?.(
        `The logins file ${this.file} was not valid; it was moved to ${backup} and ignored. Log in again.`,
      );
      return {};
    }
    for (const login of Object.values(logins)) {
      registerBasicCredential(login.username, login.password);
    }
    return logins;
  }

  private async checkMode(): Promise<void> {
    const was = await tightenPrivateFileMode(this.file);
    if (was === undefined) return;
    this.options.onWarning?.(
      `The logins file ${this.file} was readable by other users (mode ${was.toString(8)}); it is now 0600. Consider changing the passwords stored in it.`,
    );
  }

  private async write(logins: Record<string, StoredLogin>): Promise<void> {
    const body: LoginsFile = { version: 1, logins };
    await writePrivateFileAtomic(this.file, `${JSON.stringify(body, null, 2)}\n`);
  }
}

function compact(login: StoredLogin): StoredLogin {
  return {
    username: login.username,
    password: login.password,
    ...(login.caFile ? { caFile: login.caFile } : {}),
    ...(login.insecure ? { insecure: true } : {}),
    ...(login.plainHttp ? { plainHttp: true } : {}),
  };
}
