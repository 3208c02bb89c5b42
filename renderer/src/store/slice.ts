import type { StateCreator } from 'zustand';
import type { SifportApi } from '../../../shared/contract.js';
import type { SifportState } from './store.js';

/**
 * A feature slice of the one store (STYLE §14, zustand's slices pattern), built over the host
 * API it is given: no slice reads the host from a global, so tests pass a fake.
 */
export type SliceOf<T> = (host: SifportApi) => StateCreator<SifportState, [], [], T>;

/** What a failed call leaves in state: the code and `retryable` decide the action offered. */
export interface ErrorState {
  readonly code: string;
  readonly message: string;
  readonly retryable: boolean;
}

/** The {@link ErrorState} of anything a call threw. */
export function errorState(err: unknown): ErrorState {
  const e = err as { code?: unknown; message?: unknown; retryable?: unknown };
  return {
    code: typeof e.code === 'string' ? e.code : 'INTERNAL',
    message: typeof e.message === 'string' ? e.message : String(err),
    retryable: e.retryable === true,
  };
}
