import { join, resolve } from 'node:path';
import { SifportError } from '../../engine/errors.js';
import { readRegularFile } from '../../engine/files/regular-file.js';
import { Keyring } from '../../engine/keys/index.js';
import { registerSecret } from '../../engine/redact.js';
import { isSifError, sifErrorToInfo } from '../../engine/sif/index.js';
import type { KeyMaterial } from '../../engine/sif/index.js';
import { stringFlag, usageError, type FlagSpec } from '../args.js';
import type { CommandContext } from '../command.js';
import { readPasswordFromStdin } from './login.js';

/** Hints the CLI adds to some engine messages: the engine's fine error code and message. */
const HINTS: readonly { code: string; match: RegExp; hint: string }[] = [
  { code: 'PASSPHRASE_REQUIRED', match: /./, hint: 'pipe it in with --passphrase-stdin' },
  { code: 'KEY_INVALID', match: /not protected/, hint: 'pipe one in with --passphrase-stdin' },
];

/**
 * Turns a {@link SifError} from the SIF engine or the key store into the CLI's
 * {@link SifportError} (code and message from `sifErrorToInfo`), so it prints as the one
 * `sifport: …` line with the right exit status. Anything else is returned unchanged.
 */
export function fromSifError(err: unknown): unknown {
  if (!isSifError(err)) return err;
  const info = sifErrorToInfo(err);
  const hint = HINTS.find((h) => h.code === err.code && h.match.test(err.message))?.hint;
  const message = hint ? `${info.message.replace(/\.$/, '')} (${hint})` : info.message;
  return new SifportError(info.code, message, {
    retryable: info.retryable,
    detail: info.detail,
    cause: err,
  });
}

/** Runs `fn`, rethrowing SIF engine errors as CLI errors (see {@link fromSifError}). */
export async function withSifErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw fromSifError(err);
  }
}

/** `path` made absolute against the command's working directory. */
export function cliPath(ctx: CommandContext, path: string): string {
  return resolve(ctx.cwd, path);
}

/** `--keyring DIR` of `sign`, `verify` and `keys`, read by {@link keyringDir}. */
export const KEYRING_FLAG: FlagSpec = {
  name: 'keyring',
  value: 'DIR',
  help: 'keyring directory (default CONFIG_DIR/keys)',
};

/**
 * `--key FILE`, `--fingerprint FP` and `--keyring DIR`: where `sign` and `verify` find their
 * key, a key file or the keyring; `help` says what the key is for in that command.
 */
export function keySourceFlags(help: {
  readonly key: string;
  readonly fingerprint: string;
}): readonly FlagSpec[] {
  return [
    { name: 'key', value: 'FILE', help: help.key },
    { name: 'fingerprint', value: 'FP', help: help.fingerprint },
    KEYRING_FLAG,
  ];
}

/**
 * `--group N` and `--object N` (read with {@link idFlag}): the part of the image `sign` or
 * `verify` works on; `objectNote` adds what choosing one object means for that command.
 */
export function selectionFlags(verb: 'sign' | 'verify', objectNote = ''): readonly FlagSpec[] {
  return [
    { name: 'group', value: 'N', help: `${verb} only object group N` },
    { name: 'object', value: 'N', help: `${verb} only object N${objectNote}` },
  ];
}

/** The keyring directory: `--keyring DIR`, else `CONFIG_DIR/keys`. */
export function keyringDir(ctx: CommandContext): string {
  const flag = stringFlag(ctx.args, 'keyring');
  return flag === undefined ? join(ctx.configDir, 'keys') : cliPath(ctx, flag);
}

/** The keyring of this run (see {@link keyringDir}). */
export function openKeyring(ctx: CommandContext): Keyring {
  return new Keyring(keyringDir(ctx));
}

/**
 * Reads a key file: armored text when it looks armored, else the binary packets. A missing
 * or unreadable file, or one that is not a regular file (a FIFO would block), is a
 * FILE_ERROR naming the path.
 */
export async function readKeyFile(ctx: CommandContext, path: string): Promise<KeyMaterial> {
  const bytes = await readRegularFile(cliPath(ctx, path), 'key file');
  const text = bytes.toString('utf8');
  return text.includes('-----BEGIN PGP') ? text : new Uint8Array(bytes);
}

/**
 * Reads a passphrase from stdin (everything up to EOF, minus one trailing newline) and
 * registers it as a secret, so output redaction hides it should it ever reach a message.
 */
export async function readPassphrase(ctx: CommandContext): Promise<string> {
  const passphrase = await readPasswordFromStdin(ctx.io.stdin, ctx.signal);
  registerSecret(passphrase);
  if (passphrase === '') throw usageError('the passphrase on stdin is empty');
  return passphrase;
}

/** Parses a positive integer option (an object or group ID), or undefined when absent. */
export function idFlag(ctx: CommandContext, name: string): number | undefined {
  const text = stringFlag(ctx.args, name);
  if (text === undefined) return undefined;
  if (!/^[1-9]\d{0,9}$/.test(text) || Number(text) > 0xffffffff) {
    throw usageError(
      `--${name} must be a positive ${name} id (a positive whole number), not "${text}"`,
    );
  }
  return Number(text);
}

/** `1, 2 and 3` */
export function listIds(ids: readonly number[]): string {
  if (ids.length <= 1) return ids.join('');
  return `${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`;
}
