import { join } from 'node:path';
import { SifportError } from '../../engine/errors.js';
import { registerBasicCredential, registerSecret } from '../../engine/redact.js';
import { parseRegistry } from '../../engine/registry/reference.js';
import { boolFlag, stringFlag, usageError, type ParsedArgs } from '../args.js';
import type { Command, CommandContext } from '../command.js';
import { CONFIG_FILES } from '../config-dir.js';

/** Longest password read from stdin, in bytes (tokens can be long; this is not a file). */
const MAX_PASSWORD_BYTES = 64 * 1024;

/**
 * Reads the password from stdin: everything up to EOF, minus one trailing newline. An abort
 * (Ctrl-C while waiting at a terminal) ends the wait with CANCELLED.
 */
export async function readPasswordFromStdin(
  stdin: AsyncIterable<string | Uint8Array>,
  signal?: AbortSignal,
): Promise<string> {
  const read = async (): Promise<string> => {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of stdin) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
      size += buf.length;
      if (size > MAX_PASSWORD_BYTES) {
        throw usageError(`the password on stdin is longer than ${MAX_PASSWORD_BYTES} bytes`);
      }
      chunks.push(buf);
    }
    return Buffer.concat(chunks)
      .toString('utf8')
      .replace(/\r?\n$/, '');
  };
  if (!signal) return read();
  if (signal.aborted) throw new SifportError('CANCELLED', 'Cancelled.');
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(new SifportError('CANCELLED', 'Cancelled.'));
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([read(), aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort!);
  }
}

/**
 * Refuses `--password`: a password on the command line shows in `ps` and the shell history.
 * The value is registered as a secret first, so nothing printed later can show it. `message`
 * is the usage error to fail with (each command says how to pipe its secret in).
 */
export function refuseInlinePassword(args: ParsedArgs, message: string): void {
  const inline = stringFlag(args, 'password');
  if (inline === undefined) return;
  registerSecret(inline);
  throw usageError(message);
}

/**
 * `sifport login REGISTRY -u USER --password-stdin`: checks the credentials against the
 * registry (`GET /v2/` with them, oras.md §3.1/§4) and only then saves them, with the TLS
 * settings given, in the login store. A password on the command line is refused: it would
 * show in `ps` and the shell history.
 */
export const loginCommand: Command = {
  name: 'login',
  synopsis: 'REGISTRY -u USER --password-stdin',
  summary: 'check and save a login for a registry (password read from stdin)',
  details: [
    'The password (or token) is read from stdin, e.g.',
    '  printf %s "$TOKEN" | sifport login ghcr.io -u me --password-stdin',
    'It is checked against the registry before it is saved in CONFIG_DIR/logins.json (mode 0600).',
    '--ca-file, --insecure and --plain-http given here are saved with the login and used by',
    'later commands for this registry.',
  ],
  flags: [
    { name: 'username', short: 'u', value: 'USER', help: 'account name' },
    { name: 'password-stdin', help: 'read the password from stdin (required)' },
    { name: 'password', short: 'p', value: 'PASSWORD', help: 'refused: use --password-stdin' },
  ],
  arity: { min: 1, max: 1 },
  async run(ctx: CommandContext): Promise<void> {
    const { args, out } = ctx;
    refuseInlinePassword(
      args,
      'refusing a password on the command line (it would be visible in `ps` and the shell history): pipe it in with --password-stdin, e.g. `printf %s "$PASSWORD" | sifport login REGISTRY -u USER --password-stdin`',
    );
    const registry = parseRegistry(args.positionals[0]!);
    const username = stringFlag(args, 'username');
    if (username === undefined) throw usageError('login needs the account name: -u USER');
    if (!boolFlag(args, 'password-stdin')) {
      throw usageError('login reads the password from stdin: add --password-stdin and pipe it in');
    }
    const password = await readPasswordFromStdin(ctx.io.stdin, ctx.signal);
    if (password === '') throw usageError('no password on stdin');
    registerBasicCredential(username, password);

    // The login records exactly the connection options given now: logging in again is how
    // they are changed.
    const settings = ctx.flagSettings();
    const credential = { kind: 'basic', username, password } as const;
    const client = await ctx.connect(registry, { credential, settings });
    const { authScheme } = await client.ping(ctx.signal);
    // A host-wide account: the login goes to logins.json, its metadata to accounts.json.
    await ctx.accounts.saveLogin(registry, { username, password, ...settings });

    const file = join(ctx.configDir, CONFIG_FILES.logins);
    out.result({ registry, username, authScheme: authScheme ?? null, saved: true, file });
    out.line(
      authScheme === undefined
        ? `${registry} does not ask for credentials; the login for ${username} was saved in ${file} anyway.`
        : `Login succeeded: ${username} on ${registry} (saved in ${file}).`,
    );
  },
};
