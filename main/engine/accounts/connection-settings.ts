import type { Account } from './account.js';

/** The TLS and scheme settings one registry client is built with. */
export interface ConnectionSettings {
  /** PEM file of extra CA certificates to trust, absolute. */
  readonly caFile: string | undefined;
  /** Skip verifying the registry's TLS certificate. */
  readonly insecure: boolean;
  /** Talk plain HTTP instead of HTTPS. */
  readonly plainHttp: boolean;
}

/** Settings a command line or a request gives for one call; absent means "as saved". */
export interface ConnectionOverrides {
  readonly caFile?: string | undefined;
  readonly insecure?: boolean | undefined;
  readonly plainHttp?: boolean | undefined;
}

/** The connection settings an account keeps (what `login` and `accounts add` saved). */
export type SavedConnection = Pick<Account, 'caFile' | 'insecure' | 'plainHttp'>;

/**
 * The settings for one call: the overrides (flags, request fields) over what the account
 * saved, so the CLI, the app's transfers and both "test account" paths agree. A given CA
 * file replaces the saved one; a switch can only turn a setting on, never off, so a saved
 * `insecure` login keeps working without the flag.
 */
export function mergeConnectionSettings(
  saved: SavedConnection | undefined,
  overrides: ConnectionOverrides = {},
): ConnectionSettings {
  return {
    caFile: overrides.caFile ?? saved?.caFile,
    insecure: overrides.insecure === true || saved?.insecure === true,
    plainHttp: overrides.plainHttp === true || saved?.plainHttp === true,
  };
}
