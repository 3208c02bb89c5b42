import { isAbsolute, join, resolve } from 'node:path';
import { pickAccount } from '../engine/accounts/account.js';
import { FileAccountStore } from '../engine/accounts/stores/account-store.js';
import { Accounts } from '../engine/accounts/accounts.js';
import { mergeConnectionSettings } from '../engine/accounts/connection-settings.js';
import type { CredentialStore } from '../engine/accounts/stores/credential-store.js';
import type { AccountUseCaseDeps } from '../engine/accounts/registry-connector.js';
import { FileCredentialStore } from '../engine/accounts/stores/file-credential-store.js';
import { FileSecretStore } from '../engine/accounts/stores/secret-store.js';
import { credentialFromConfigs } from '../engine/accounts/interop/config-import.js';
import { toSifportError } from '../engine/errors.js';
import type { CredentialProvider } from '../engine/registry/auth/credentials.js';
import { RegistryClient } from '../engine/registry/client.js';
import { DEFAULT_RETRY } from '../engine/registry/transport/retry.js';
import { timeoutsFromEnv } from '../engine/registry/transport/timeouts.js';
import { boolFlag, stringFlag, type ParsedArgs } from './args.js';
import type { CommandContext, ConnectOptions, ConnectionSettings } from './command.js';
import { CONFIG_FILES, resolveConfigDir } from './config-dir.js';
import type { CliIo } from './io.js';
import type { Output } from './output.js';
import { ProgressBar } from './progress-bar.js';
import { sifportVersion } from './version.js';

/** The connection options given on the command line (`--ca-file` made absolute). */
export function connectionFlags(args: ParsedArgs, cwd: string): ConnectionSettings {
  const caFile = stringFlag(args, 'ca-file');
  return {
    caFile: caFile === undefined ? undefined : isAbsolute(caFile) ? caFile : resolve(cwd, caFile),
    insecure: boolFlag(args, 'insecure'),
    plainHttp: boolFlag(args, 'plain-http'),
  };
}

/** The engine's account use cases over this run's accounts and clients (flags' TLS settings). */
export function accountUseCaseDeps(ctx: CommandContext): AccountUseCaseDeps {
  return {
    accounts: ctx.accounts,
    connect: (registry, settings, credential) => ctx.connect(registry, { credential, settings }),
  };
}

/**
 * The {@link CommandContext} of one CLI run: owns the clients it opens and the exit hooks,
 * and releases them in {@link CliContext.close}.
 */
export class CliContext implements CommandContext {
  readonly configDir: string;
  readonly cwd: string;
  readonly signal: AbortSignal | undefined;
  readonly logins: CredentialStore;
  readonly accounts: Accounts;
  private readonly clients: RegistryClient[] = [];
  private readonly exitHooks: Array<() => Promise<void> | void> = [];

  constructor(
    readonly io: CliIo,
    readonly out: Output,
    readonly args: ParsedArgs,
  ) {
    this.cwd = io.cwd ?? process.cwd();
    this.signal = io.signal;
    this.configDir = resolveConfigDir(stringFlag(args, 'config-dir'), io.env, this.cwd);
    const onWarning = (message: string): void => out.warn(message);
    this.logins = new FileCredentialStore(join(this.configDir, CONFIG_FILES.logins), {
      onWarning,
    });
    this.accounts = new Accounts({
      store: new FileAccountStore(join(this.configDir, CONFIG_FILES.accounts), { onWarning }),
      secrets: new FileSecretStore(join(this.configDir, CONFIG_FILES.secrets), { onWarning }),
      logins: this.logins,
      // Token commands (aws, az, gcloud) are found on this run's PATH.
      cloud: {
        commandOptions: {
          env: { ...process.env, PATH: io.env['PATH'] ?? process.env.PATH },
          signal: this.signal,
        },
      },
    });
  }

  flagSettings(): ConnectionSettings {
    return connectionFlags(this.args, this.cwd);
  }

  /**
   * Flags override the settings of the account that would be used (the host-wide login
   * for host-wide requests); a switch can only turn a setting on.
   */
  async settingsFor(registry: string, repository?: string): Promise<ConnectionSettings> {
    const saved = pickAccount(await this.accounts.list(), registry, repository);
    return mergeConnectionSettings(saved, this.flagSettings());
  }

  async connect(registry: string, options: ConnectOptions = {}): Promise<RegistryClient> {
    const settings = options.settings ?? (await this.settingsFor(registry, options.repository));
    // SIFPORT_CONNECT_TIMEOUT, _FIRST_BYTE_TIMEOUT, _STALL_TIMEOUT, SIFPORT_RETRY_BUDGET.
    const { timeouts, retryBudgetMs } = timeoutsFromEnv(this.io.env);
    const client = new RegistryClient({
      registry,
      timeouts,
      ...(retryBudgetMs === undefined
        ? {}
        : { retry: { ...DEFAULT_RETRY, budgetMs: retryBudgetMs } }),
      tls: { caFile: settings.caFile, insecure: settings.insecure },
      plainHttp: settings.plainHttp,
      credentials: options.credential ?? this.credentialsFor(options.repository),
      userAgent: `sifport/${sifportVersion()}`,
    });
    this.clients.push(client);
    return client;
  }

  /**
   * The accounts' provider, falling back (issue #4) to the logins of apptainer, docker and
   * podman, in apptainer's order, when Sifport has no account for the registry. A broken
   * config file or helper is a warning there, not a failure: the request goes anonymous.
   */
  private credentialsFor(repository: string | undefined): CredentialProvider {
    const own = this.accounts.providerFor(repository);
    const env = { ...this.io.env };
    const fallback = async (registry: string) => {
      try {
        return await credentialFromConfigs(registry, repository, { env, home: env['HOME'] });
      } catch (err) {
        this.out.warn(
          `ignoring the docker/apptainer login for ${registry}: ${toSifportError(err).message}`,
        );
        return undefined;
      }
    };
    return Object.assign(async (registry: string) => (await own(registry)) ?? fallback(registry), {
      invalidate: own.invalidate,
    });
  }

  progressBar(): ProgressBar | undefined {
    if (!this.io.isTTY || this.out.json) return undefined;
    const columns = this.io.columns ?? 0;
    const bar = new ProgressBar(this.io.stderr, columns >= 40 ? columns : 80);
    this.onExit(() => bar.clear());
    return bar;
  }

  onExit(fn: () => Promise<void> | void): void {
    this.exitHooks.push(fn);
  }

  /** Runs the exit hooks (latest first) and frees every client's connections. */
  async close(): Promise<void> {
    for (const hook of this.exitHooks.reverse()) {
      try {
        await hook();
      } catch (err) {
        this.out.warn(`cleanup failed: ${(err as Error).message}`);
      }
    }
    for (const client of this.clients) client.close();
  }
}
