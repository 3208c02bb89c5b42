/** The TLS and scheme settings one registry client is built with. */
export interface ConnectionSettings {
  /** PEM file of extra CA certificates to trust, absolute. */
  readonly caFile: string | undefined;
  /** Skip verifying the registry's TLS certificate. */
  readonly insecure: boolean;
  /** Talk plain HTTP instead of HTTPS. */
  readonly plainHttp: boolean;
}

/**
 * TLS and scheme settings of which any may be absent: what an account or a login keeps, what
 * flags or a request give for one call, what a queued job carries. The one shape; the names
 * below say which role it plays.
 */
export interface ConnectionChoices {
  /** PEM file of extra CA certificates to trust, absolute (oras.md §6 per-account CA). */
  readonly caFile?: string | undefined;
  /** Skip verifying the registry's TLS certificate: only when the user asked for it. */
  readonly insecure?: boolean | undefined;
  /** Talk plain HTTP to this registry. */
  readonly plainHttp?: boolean | undefined;
}

/** Settings a command line or a request gives for one call; absent means "as saved". */
export type ConnectionOverrides = ConnectionChoices;

/** The connection settings an account keeps (what `login` and `accounts add` saved). */
export type SavedConnection = ConnectionChoices;

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
