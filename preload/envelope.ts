import {
  channels,
  events,
  type Channel,
  type EventName,
  type EventOf,
  type ResponseOf,
} from '../shared/contract.js';
import type { ErrorCode } from '../shared/error-codes.js';
import { envelopeSchema } from '../shared/client-protocol.js';

/**
 * The page side of the boundary, shared by the Electron preload and its WebSocket twin: what
 * arrives from the main process is parsed with the contract's schemas before the renderer sees
 * it ("schemas validate on both sides", DESIGN.md), and a failure becomes a typed error.
 */

/** Every event of the contract, for refusing a listener on a misspelt name. */
export const EVENT_NAMES = Object.keys(events) as readonly EventName[];

/** Error thrown in the renderer for a failed call; the UI switches on `code` (STYLE §7). */
export class SifportCallError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly retryable = false,
  ) {
    super(message);
    this.name = 'SifportCallError';
  }
}

/** The value of an envelope from `channel`, checked against the response schema; else throws. */
export function unwrapEnvelope<C extends Channel>(channel: C, raw: unknown): ResponseOf<C> {
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) {
    throw new SifportCallError('INTERNAL', `The host sent a malformed answer to ${channel}.`);
  }
  if (!envelope.data.ok) {
    const { code, message, retryable } = envelope.data.error;
    throw new SifportCallError(code, message, retryable);
  }
  const value = channels[channel].response.safeParse(envelope.data.value);
  if (!value.success) {
    throw new SifportCallError(
      'INTERNAL',
      `The host's answer to ${channel} does not fit the contract.`,
    );
  }
  return value.data as ResponseOf<C>;
}

/** The payload of `event` if it fits the contract, else undefined (the event is dropped). */
export function checkEventPayload<E extends EventName>(
  event: E,
  payload: unknown,
): EventOf<E> | undefined {
  const checked = events[event].safeParse(payload);
  return checked.success ? (checked.data as EventOf<E>) : undefined;
}
