import { SifportError } from '../../errors.js';

/**
 * How long the transport waits before it calls a connection dead (issue #10 item 8). Each
 * limit fails the request with a retryable NETWORK error, so the retry policy (and its
 * overall budget) decides what happens next. All in milliseconds, except the byte count.
 */
export interface TransportTimeouts {
  /** TCP connect plus TLS handshake. */
  readonly connectMs: number;
  /** From the request fully sent to the response's first byte (its status line). */
  readonly firstByteMs: number;
  /**
   * A transfer (request body out, response body in) that moves fewer than
   * {@link progressMinBytes} within this window is stalled. A consumer that holds the body
   * back (backpressure) does not count.
   */
  readonly progressIntervalMs: number;
  readonly progressMinBytes: number;
  /**
   * Connect limit of the TLS probe of a loopback registry, after which it is taken for a
   * plain-HTTP one: nothing on this machine needs seconds for a handshake.
   */
  readonly tlsProbeMs: number;
}

/** Defaults: connect 30 s, first byte 60 s, fewer than 1 KiB in 60 s is a stall, probe 2 s. */
export const DEFAULT_TIMEOUTS: TransportTimeouts = {
  connectMs: 30_000,
  firstByteMs: 60_000,
  progressIntervalMs: 60_000,
  progressMinBytes: 1024,
  tlsProbeMs: 2_000,
};

/** The environment variables that change the limits, each in seconds. */
export const TIMEOUT_ENV = {
  connectMs: 'SIFPORT_CONNECT_TIMEOUT',
  firstByteMs: 'SIFPORT_FIRST_BYTE_TIMEOUT',
  progressIntervalMs: 'SIFPORT_STALL_TIMEOUT',
  retryBudget: 'SIFPORT_RETRY_BUDGET',
} as const;

/** The limits and the retry budget as the environment sets them (unset ones are absent). */
export interface EnvTimeouts {
  readonly timeouts: Partial<TransportTimeouts>;
  readonly retryBudgetMs: number | undefined;
}

function seconds(
  env: Readonly<Record<string, string | undefined>>,
  name: string,
): number | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  const value = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw) || !(value > 0)) {
    throw new SifportError(
      'CONFIG_INVALID',
      `${name}=${raw} is not a number of seconds greater than 0. Set it to, e.g., ${name}=120, or unset it for the default.`,
    );
  }
  return Math.round(value * 1000);
}

/**
 * Reads `SIFPORT_CONNECT_TIMEOUT`, `SIFPORT_FIRST_BYTE_TIMEOUT`, `SIFPORT_STALL_TIMEOUT` and
 * `SIFPORT_RETRY_BUDGET` (seconds), for the command line and the app, which have no other
 * place for such rarely changed settings.
 */
export function timeoutsFromEnv(env: Readonly<Record<string, string | undefined>>): EnvTimeouts {
  const timeouts: { -readonly [K in keyof TransportTimeouts]?: number } = {};
  for (const key of ['connectMs', 'firstByteMs', 'progressIntervalMs'] as const) {
    const value = seconds(env, TIMEOUT_ENV[key]);
    if (value !== undefined) timeouts[key] = value;
  }
  return { timeouts, retryBudgetMs: seconds(env, TIMEOUT_ENV.retryBudget) };
}

/** Which limit ran out. */
export type TimeoutKind = 'connect' | 'first-byte' | 'stall';

/** The retryable NETWORK error for a limit that ran out, naming the setting that changes it. */
export function timeoutError(
  kind: TimeoutKind,
  url: URL,
  t: TransportTimeouts,
  ms: number,
): SifportError {
  const s = (n: number): string => `${Math.round(n / 100) / 10} s`;
  const message =
    kind === 'connect'
      ? `Could not connect to ${url.host} within ${s(ms)}. Check the registry address and the network (${TIMEOUT_ENV.connectMs} changes the limit).`
      : kind === 'first-byte'
        ? `${url.host} took the request but sent no answer within ${s(ms)}. The registry may be overloaded; try again later (${TIMEOUT_ENV.firstByteMs} changes the limit).`
        : `The transfer with ${url.host} stalled: fewer than ${t.progressMinBytes} bytes moved in ${s(ms)}. Check the network; the transfer resumes where possible (${TIMEOUT_ENV.progressIntervalMs} changes the limit).`;
  return new SifportError('NETWORK', message, { retryable: true, detail: { timeout: kind } });
}
