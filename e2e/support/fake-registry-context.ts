import type { IncomingMessage, ServerResponse } from 'node:http';

import type { FakeRegistryStore } from './fake-registry-store.js';
import type { Credentials } from './testbed-accounts.js';

/** Behaviour switches that imitate hosted registries distribution 2.8 cannot play. */
export interface FakeRegistryOptions {
  /** Status of a successful chunk PATCH; ECR answers 201 instead of 202. Default 202. */
  readonly patchStatus?: 201 | 202;
  /** Bodies larger than this get 413 (GHCR-like: e.g. 4 * 1024 * 1024). Default unlimited. */
  readonly maxRequestBytes?: number;
  /** false: the referrers API answers 404 like distribution 2.8. Default true. */
  readonly referrers?: boolean;
  /** Require this Basic-auth account for every /v2/ request. */
  readonly auth?: Credentials;
}

/** What a route handler gets for one request. */
export interface FakeContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly url: URL;
  /** Repository name from the path. */
  readonly name: string;
  readonly store: FakeRegistryStore;
  readonly options: FakeRegistryOptions;
  /** `http://HOST` from the request's Host header, for absolute `Location` URLs. */
  readonly origin: string;
  /** The request body; undefined after answering 413 when it is over `maxRequestBytes`. */
  body(): Promise<Buffer | undefined>;
}
