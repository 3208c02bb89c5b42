import type { Credentials } from './testbed-accounts.js';
import type { TokenStats } from './token-authority.js';

/** Address of one registry of the bed. */
export interface RegistryEndpoint {
  /** `127.0.0.1:PORT`, as it appears in an image reference. */
  readonly host: string;
  /** `http://127.0.0.1:PORT` or `https://…` for the TLS registry; no trailing slash. */
  readonly url: string;
}

/**
 * Plain-data description of a running bed: what `testbed-cli.ts start` writes to
 * `DIR/testbed.json` and what `loadTestBed()` returns.
 */
export interface TestBedInfo {
  readonly dir: string;
  /** No authentication. */
  readonly open: RegistryEndpoint;
  /** htpasswd Basic auth, relative `Location` URLs. */
  readonly basic: RegistryEndpoint;
  /** Bearer tokens from `tokenUrl`. */
  readonly bearer: RegistryEndpoint;
  /** TLS with the bed's CA (`caFile`) and Bearer tokens from `tokenTlsUrl`. */
  readonly tls: RegistryEndpoint;
  /** PEM of the test CA. */
  readonly caFile: string;
  readonly tokenUrl: string;
  readonly tokenTlsUrl: string;
  /** `GET` returns the token server's counters (TokenStats) as JSON. */
  readonly tokenStatsUrl: string;
  /** `service` values the bearer and TLS registries announce in their challenges. */
  readonly services: { readonly bearer: string; readonly tls: string };
  readonly issuer: string;
  /** Token lifetime in seconds. */
  readonly tokenTtlSeconds: number;
  readonly users: { readonly tester: Credentials; readonly reader: Credentials };
}

/** A bed started by `startTestBed`. */
export interface TestBed extends TestBedInfo {
  /** Live counters; present when the token server runs inside this process. */
  readonly tokenStats?: Readonly<TokenStats>;
  /** Stops every process the bed started; data, PKI and logs stay in `dir`. */
  stop(): Promise<void>;
}
