import {
  channels,
  events,
  type Channel,
  type Envelope,
  type EventName,
  type EventOf,
  type RequestOf,
  type ResponseOf,
} from '../../shared/contract.js';
import { SifportError, toSifportError } from '../engine/errors.js';
import { forWindow } from './window-error-text.js';

/** One handler per channel: the engine side of the contract, free of any transport. */
export type Handlers = {
  readonly [C in Channel]: (request: RequestOf<C>) => Promise<ResponseOf<C>>;
};

/** Sends an event to whoever listens (Electron webContents, a WebSocket, a test). */
export type EventSink = <E extends EventName>(event: E, payload: EventOf<E>) => void;

function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(channels, name);
}

/**
 * Validates a raw request against its channel's schema, runs the handler, validates the
 * response, and wraps the outcome in an envelope (STYLE §7). Unknown channels and bad
 * payloads are refused loudly; errors cross as data, never as thrown objects.
 */
export async function dispatch(
  handlers: Handlers,
  channel: string,
  raw: unknown,
): Promise<Envelope<unknown>> {
  try {
    if (!isChannel(channel)) throw new SifportError('USAGE', `Unknown channel "${channel}".`);
    const parsed = channels[channel].request.safeParse(raw);
    if (!parsed.success) {
      throw new SifportError(
        'USAGE',
        `Invalid request for ${channel}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`).join('; ')}`,
      );
    }
    const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
    const value = channels[channel].response.parse(await handler(parsed.data));
    return { ok: true, value };
  } catch (err) {
    return { ok: false, error: forWindow(toSifportError(err).toInfo()) };
  }
}

/** Validates an event payload before it leaves the main process. */
export function checkedEvent<E extends EventName>(event: E, payload: EventOf<E>): EventOf<E> {
  return events[event].parse(payload) as EventOf<E>;
}
