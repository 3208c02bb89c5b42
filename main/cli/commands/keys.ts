import type { KeySummary } from '../../engine/keys/index.js';
import { boolFlag, stringFlag, usageError } from '../args.js';
import type { Command, CommandContext } from '../command.js';
import {
  keyringDir,
  KEYRING_FLAG,
  openKeyring,
  readKeyFile,
  readPassphrase,
  withSifErrors,
} from './sif-support.js';

const SUBCOMMANDS = ['list', 'import', 'export', 'rm', 'new'] as const;
type Subcommand = (typeof SUBCOMMANDS)[number];

/** What each subcommand takes as its argument (undefined: none). */
const ARGUMENT: Readonly<Record<Subcommand, string | undefined>> = {
  list: undefined,
  import: 'FILE',
  export: 'FP',
  rm: 'FP',
  new: undefined,
};

function keyLine(k: KeySummary): string {
  const kind = k.hasPrivate ? 'pub+sec' : 'pub    ';
  const notes = [
    k.revoked ? 'revoked' : '',
    k.expiresAt !== null ? `expires ${iso(k.expiresAt)}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return `${kind} ${k.fingerprint}  ${k.primaryUserId ?? '(no user ID)'}${notes ? ` [${notes}]` : ''}`;
}

function iso(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

function subcommand(ctx: CommandContext): { sub: Subcommand; arg: string | undefined } {
  const [name, arg] = ctx.args.positionals as [string, string?];
  const sub = SUBCOMMANDS.find((s) => s === name);
  if (!sub)
    throw usageError(`keys: unknown subcommand "${name}" (one of ${SUBCOMMANDS.join(', ')})`);
  const wanted = ARGUMENT[sub];
  if (wanted !== undefined && arg === undefined) throw usageError(`keys ${sub}: missing ${wanted}`);
  if (wanted === undefined && arg !== undefined) {
    throw usageError(`keys ${sub}: unexpected argument "${arg}"`);
  }
  return { sub, arg };
}

/**
 * `sifport keys list|import FILE|export FP|rm FP|new --name N`: manages the OpenPGP keyring
 * (`--keyring DIR`, default `CONFIG_DIR/keys`) that `sign --fingerprint` and
 * `verify --fingerprint` use. Private keys are stored passphrase-protected only.
 */
export const keysCommand: Command = {
  name: 'keys',
  synopsis:
    'list | import FILE | export FP | rm FP | new --name NAME [--email EMAIL] --passphrase-stdin',
  summary: 'manage the OpenPGP keyring used to sign and verify SIF images',
  details: [
    'The keyring is a directory (--keyring DIR, default CONFIG_DIR/keys). Subcommands:',
    '  list         list the keys (pub+sec: the private key is stored too)',
    '  import FILE  import the keys in FILE (armored or binary, public or private); a private',
    '               key is stored passphrase-protected: with --passphrase-stdin a protected key',
    '               is checked against it and an unprotected one is encrypted with it',
    '  export FP    print the armored public key for a fingerprint or 16-digit key ID',
    '  rm FP        remove a key (public and private parts)',
    '  new          generate an Ed25519 key pair: --name NAME [--email EMAIL], passphrase on stdin',
  ],
  flags: [
    KEYRING_FLAG,
    { name: 'passphrase-stdin', help: 'read a passphrase from stdin (import, new)' },
    { name: 'name', value: 'NAME', help: 'name of the new key (new)' },
    { name: 'email', value: 'EMAIL', help: 'email of the new key (new)' },
  ],
  arity: { min: 1, max: 2 },
  async run(ctx: CommandContext): Promise<void> {
    const { sub, arg } = subcommand(ctx);
    const { out } = ctx;
    const keyring = openKeyring(ctx);
    const withPassphrase = boolFlag(ctx.args, 'passphrase-stdin');
    if (sub !== 'new' && (stringFlag(ctx.args, 'name') ?? stringFlag(ctx.args, 'email'))) {
      throw usageError(`keys ${sub}: --name and --email are for \`keys new\``);
    }
    if (withPassphrase && sub !== 'import' && sub !== 'new') {
      throw usageError(`keys ${sub}: --passphrase-stdin is for \`keys import\` and \`keys new\``);
    }
    switch (sub) {
      case 'list': {
        const keys = await withSifErrors(() => keyring.list());
        out.result({ keyring: keyringDir(ctx), keys });
        if (keys.length === 0) out.line(`No keys in ${keyringDir(ctx)}.`);
        for (const k of keys) out.line(keyLine(k));
        return;
      }
      case 'import': {
        const material = await readKeyFile(ctx, arg!);
        const passphrase = withPassphrase ? await readPassphrase(ctx) : undefined;
        const keys = await withSifErrors(() =>
          keyring.importKeys(
            material,
            passphrase === undefined ? {} : { passphrase, protectWith: passphrase },
          ),
        );
        out.result({ keyring: keyringDir(ctx), imported: keys });
        for (const k of keys) out.line(`Imported ${keyLine(k)}`);
        return;
      }
      case 'export': {
        const armored = await withSifErrors(() => keyring.exportPublic(arg!));
        const fingerprint = await withSifErrors(() => keyring.resolve(arg!));
        out.result({ fingerprint, armored });
        if (!out.json) out.text(armored);
        return;
      }
      case 'rm': {
        const fingerprint = await withSifErrors(() => keyring.resolve(arg!));
        await withSifErrors(() => keyring.remove(fingerprint));
        out.result({ removed: fingerprint });
        out.line(`Removed ${fingerprint}.`);
        return;
      }
      case 'new': {
        const name = stringFlag(ctx.args, 'name');
        if (name === undefined) throw usageError('keys new: give the key a --name');
        if (!withPassphrase) {
          throw usageError(
            'keys new: the private key is stored protected; give its passphrase with --passphrase-stdin',
          );
        }
        const email = stringFlag(ctx.args, 'email');
        const passphrase = await readPassphrase(ctx);
        const key = await withSifErrors(() =>
          keyring.generate({ name, passphrase, ...(email !== undefined ? { email } : {}) }),
        );
        out.result({ keyring: keyringDir(ctx), key });
        out.line(`Created ${keyLine(key)}`);
        return;
      }
    }
  },
};
