import type { RegistryClient } from '../registry/client.js';
import type { Reference } from '../registry/reference.js';
import type { ProgressListener } from './progress.js';

/**
 * What every long transfer (push, pull, copy) takes from its caller (STYLE §12): a signal
 * that stops it and a listener for its progress. The queue turns both into job events.
 */
export interface TransferControls {
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ProgressListener | undefined;
}

/**
 * The registry end of a transfer: a client logged in for that registry and the reference
 * there. A push and a pull have one, a copy two.
 */
export interface RegistryEnd {
  readonly client: RegistryClient;
  readonly reference: Reference;
}
