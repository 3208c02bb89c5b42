import { events, type EventName, type EventOf } from '../../shared/contract.js';
import {
  callMessage,
  type CallMessage,
  type EventMessage,
  type ReplyMessage,
} from '../../shared/client-protocol.js';
import { SifportError } from '../engine/errors.js';
import { dispatch, type Handlers } from './dispatch.js';

/**
 * The host side of the client protocol (`shared/client-protocol.ts`), written once for both
 * transports: the Electron shell feeds it frames from its one IPC channel, the loopback host
 * frames from a WebSocket. Transports only carry text; everything else happens here.
 */
export interface ProtocolServer {
  /** Answers one frame; `reply` gets the answer's text (also for frames that are no call). */
  receive(frame: unknown, reply: (text: string) => void): Promise<void>;
}

function usageReply(message: string): ReplyMessage {
  return { id: null, envelope: { ok: false, error: new SifportError('USAGE', message).toInfo() } };
}

/** A frame read as a call, or why it is not one. */
export function readCall(frame: unknown): CallMessage | string {
  if (typeof frame !== 'string') return 'A frame must be JSON text, not binary.';
  let raw: unknown;
  try {
    raw = JSON.parse(frame);
  } catch {
    return 'A frame must be JSON text.';
  }
  const call = callMessage.safeParse(raw);
  return call.success ? call.data : 'A frame must be {id, channel, request}.';
}

/** A protocol server over one handler table. */
export function createProtocolServer(handlers: Handlers): ProtocolServer {
  return {
    async receive(frame, reply) {
      const call = readCall(frame);
      const answer: ReplyMessage =
        typeof call === 'string'
          ? usageReply(call)
          : { id: call.id, envelope: await dispatch(handlers, call.channel, call.request) };
      reply(JSON.stringify(answer));
    },
  };
}

/**
 * The frame for an event, checked against the contract before it leaves the host (both
 * hosts validate on send); throws for a payload that does not fit, which is a bug here.
 */
export function eventFrame<E extends EventName>(event: E, payload: EventOf<E>): string {
  const checked = events[event].safeParse(payload);
  if (!checked.success) {
    throw new SifportError(
      'INTERNAL',
      `The ${event} event does not fit the contract: ${checked.error.issues.map((i) => i.message).join('; ')}`,
    );
  }
  return JSON.stringify({ event, payload: checked.data } satisfies EventMessage);
}
