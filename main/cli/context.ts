import { isAbsolute, join, resolve } from 'node:path';
import {
  credentialProviderFor,
  type CredentialStore,
} from '../engine/accounts/credential-store.js';
import { FileCredentialStore } from '../engine/accounts/file-credential-store.js';
import { RegistryClient } from '../engine/registry/client.js';
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

/**
 * The {@link CommandContext} of one CLI run: owns the clients it opens and the exit hooks,
 * and releases them in {@link CliContext.close}.
 */
export class CliContext implements CommandContext {
  readonly configDir: string;
  readonly cwd: string;
  readonly signal: AbortSignal | undefined;
  readonly logins: CredentialStore;
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
    this.logins = new FileCredentialStore(join(this.configDir, CONFIG_FILES.logins), {
      onWarning: (message) => out.warn(message),
    });
  }

  flagSettings(): ConnectionSettings {
    return connectionFlags(this.args, this.cwd);
  }

  /** Flags override the saved login's settings; a switch can only turn a setting on. */
  async settingsFor(registry: string): Promise<ConnectionSettings> {
    const flags = this.flagSettings();
    const saved = await this.logins.get(registry);
    return {
      caFile: flags.caFile ?? saved?.caFile,
      insecure: flags.insecure || saved?.insecure === true,
      plainHttp: flags.plainHttp || saved?.plainHttp === true,
    };
  }

  async connect(registry: string, options: ConnectOptions = {}): Promise<RegistryClient> {
    const settings = options.settings ?? (await this.settingsFor(registry));
    const client = new RegistryClient({
      registry,
      tls: { caFile: settings.caFile, insecure: settings.insecure },
      plainHttp: settings.plainHttp,
      credentials: options.credential ?? credentialProviderFor(this.logins),
      userAgent: `sifport/${sifportVersion()}`,
    });
    this.clients.push(client);
    return client;
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
