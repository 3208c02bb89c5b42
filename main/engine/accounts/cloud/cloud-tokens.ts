import { registerSecret } from '../../redact.js';
import { runTokenCommand, type TokenCommandOptions } from './token-command.js';

/** A token a cloud CLI printed, and its validity (epoch ms). */
export interface MintedToken {
  readonly token: string;
  readonly mintedAt: number;
  readonly expiresAt: number;
}

/** Where minted tokens outlive one process (the CLI's secret file); keyed by account id. */
export interface MintedTokenCache {
  get(key: string): Promise<MintedToken | undefined>;
  put(key: string, token: MintedToken): Promise<void>;
  delete(key: string): Promise<void>;
}

/** A {@link MintedTokenCache} that forgets when the process ends. */
export class MemoryMintedTokenCache implements MintedTokenCache {
  private readonly map = new Map<string, MintedToken>();
  async get(key: string): Promise<MintedToken | undefined> {
    return this.map.get(key);
  }
  async put(key: string, token: MintedToken): Promise<void> {
    this.map.set(key, token);
  }
  async delete(key: string): Promise<void> {
    this.map.delete(key);
  }
}

/** A command that mints a token, and how long what it prints is valid. */
export interface CloudTokenCommand {
  readonly argv: readonly string[];
  readonly lifetimeMs: number;
}

/** Options of {@link CloudTokens}. */
export interface CloudTokensOptions {
  readonly cache?: MintedTokenCache | undefined;
  /** Runs the command; default {@link runTokenCommand} (tests and the app may wrap it). */
  readonly run?:
    ((argv: readonly string[], options: TokenCommandOptions) => Promise<string>) | undefined;
  readonly commandOptions?: TokenCommandOptions | undefined;
  readonly now?: (() => number) | undefined;
  /** Mint again this long before expiry, in ms (default 10 min, capped at a tenth of the lifetime). */
  readonly marginMs?: number | undefined;
}

/**
 * Mints cloud registry tokens by running the provider's CLI (ECR 12 h, ACR 3 h, GCP 1 h;
 * oras.md §6) and caches each with its expiry, so a CLI is run once per lifetime, not per
 * request. A token is renewed `margin` before it expires, and on demand
 * ({@link CloudTokens.invalidate}) after a registry rejected it (oras.md §4.5). Concurrent
 * callers share one running command.
 */
export class CloudTokens {
  private readonly cache: MintedTokenCache;
  private readonly now: () => number;
  private readonly inFlight = new Map<string, Promise<MintedToken>>();

  constructor(private readonly options: CloudTokensOptions = {}) {
    this.cache = options.cache ?? new MemoryMintedTokenCache();
    this.now = options.now ?? Date.now;
  }

  /** A valid token for `key` (an account id): the cached one, or a freshly minted one. */
  token(key: string, command: CloudTokenCommand): Promise<MintedToken> {
    const running = this.inFlight.get(key);
    if (running) return running;
    const lookup = this.cachedOrMinted(key, command).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, lookup);
    return lookup;
  }

  private async cachedOrMinted(key: string, command: CloudTokenCommand): Promise<MintedToken> {
    const cached = await this.cache.get(key);
    if (cached && this.fresh(cached, command.lifetimeMs)) {
      registerSecret(cached.token);
      return cached;
    }
    return this.mint(key, command);
  }

  /** Drops the cached token of `key` (rejected by the registry, or the account logged out). */
  async invalidate(key: string): Promise<void> {
    await this.cache.delete(key);
  }

  private fresh(token: MintedToken, lifetimeMs: number): boolean {
    const margin = Math.min(this.options.marginMs ?? 10 * 60_000, lifetimeMs / 10);
    return token.expiresAt - margin > this.now();
  }

  private async mint(key: string, command: CloudTokenCommand): Promise<MintedToken> {
    const run = this.options.run ?? runTokenCommand;
    const mintedAt = this.now();
    const token = await run(command.argv, this.options.commandOptions ?? {});
    registerSecret(token);
    const minted = { token, mintedAt, expiresAt: mintedAt + command.lifetimeMs };
    await this.cache.put(key, minted);
    return minted;
  }
}
