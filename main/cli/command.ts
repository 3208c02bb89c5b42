import type { Accounts } from '../engine/accounts/accounts.js';
import type { ConnectionSettings } from '../engine/accounts/connection-settings.js';
import type { CredentialStore } from '../engine/accounts/stores/credential-store.js';
import type { RegistryClient } from '../engine/registry/client.js';
import type { Credential, CredentialProvider } from '../engine/registry/auth/credentials.js';
import type { FlagSpec, ParsedArgs } from './args.js';
import type { CliIo } from './io.js';
import type { Output } from './output.js';
import type { ProgressBar } from './progress-bar.js';

/** The TLS and scheme settings for one registry, as flags and saved login combine them. */
export type { ConnectionSettings };

/** Overrides for {@link CommandContext.connect}. */
export interface ConnectOptions {
  readonly credential?: Credential | CredentialProvider | undefined;
  readonly settings?: ConnectionSettings | undefined;
  /**
   * The repository the client is for: picks the account whose namespace matches it
   * (issue #4); without it only host-wide accounts apply.
   */
  readonly repository?: string | undefined;
}

/** Options every command accepts. */
export const GLOBAL_FLAGS: readonly FlagSpec[] = [
  { name: 'ca-file', value: 'FILE', help: 'trust the CA certificate(s) in this PEM file' },
  { name: 'insecure', help: "do not verify the registry's TLS certificate" },
  { name: 'plain-http', help: 'talk plain HTTP to the registry instead of HTTPS' },
  {
    name: 'config-dir',
    value: 'DIR',
    help: 'where logins and caches live (default: $SIFPORT_CONFIG_DIR or the per-user config dir)',
  },
  { name: 'json', help: 'print one JSON object on stdout (errors too)' },
  { name: 'help', short: 'h', help: 'show help' },
];

/** What a running command can use: parsed arguments, output, config and registry access. */
export interface CommandContext {
  readonly io: CliIo;
  readonly out: Output;
  readonly args: ParsedArgs;
  /** Absolute configuration directory (`--config-dir`, `$SIFPORT_CONFIG_DIR` or default). */
  readonly configDir: string;
  /** Directory relative paths are resolved against. */
  readonly cwd: string;
  readonly signal: AbortSignal | undefined;
  readonly logins: CredentialStore;
  /** The user's accounts (metadata, secrets, cloud tokens); `logins` holds the host-wide logins. */
  readonly accounts: Accounts;
  /** The TLS and scheme settings given on the command line (`--ca-file` made absolute). */
  flagSettings(): ConnectionSettings;
  /** TLS and scheme settings for `registry`: the flags, else those of its saved login. */
  settingsFor(registry: string, repository?: string): Promise<ConnectionSettings>;
  /**
   * A client for `registry`. By default its TLS settings come from {@link settingsFor} and
   * its credentials from the account that matches `options.repository`; `login` passes both
   * explicitly.
   */
  connect(registry: string, options?: ConnectOptions): Promise<RegistryClient>;
  /** A progress bar on stderr when it is a terminal and not in `--json` mode. */
  progressBar(): ProgressBar | undefined;
  /** Runs `fn` when the command ends, successful or not (flush caches, close files). */
  onExit(fn: () => Promise<void> | void): void;
}

/** One `sifport` command: its help and what it does. */
export interface Command {
  readonly name: string;
  /** Arguments as shown in usage lines: `FILE.sif oras://REGISTRY/REPO:TAG`. */
  readonly synopsis: string;
  /** One line for the command list. */
  readonly summary: string;
  /** More help lines for `sifport COMMAND --help`. */
  readonly details: readonly string[];
  /** Options of this command besides {@link GLOBAL_FLAGS}. */
  readonly flags: readonly FlagSpec[];
  /** How many positional arguments it takes. */
  readonly arity: { readonly min: number; readonly max: number };
  run(ctx: CommandContext): Promise<void>;
}
