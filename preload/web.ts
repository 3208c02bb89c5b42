import type { Channel, EventName, SifportApi } from '../shared/contract.js';
import { hostMessage, type CallMessage } from '../shared/client-protocol.js';
import { checkEventPayload, EVENT_NAMES, SifportCallError, unwrapEnvelope } from './envelope.js';

/**
 * The WebSocket twin of `preload/index.ts` (STYLE §5–§6): the same {@link SifportApi} over the
 * loopback host's protocol (`shared/client-protocol.ts`). It knows nothing of the browser;
 * the page hands it a {@link MessageTransport} around its WebSocket, a Node test one around `ws`.
 */

/** A connected, text-only message pipe (VS Code's `IMessagePassingProtocol`, reduced). */
export interface MessageTransport {
  send(text: string): void;
  onMessage(listener: (text: string) => void): void;
  onClose(listener: () => void): void;
}

interface Pending {
  readonly channel: Channel;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/** Builds `window.sifport` on a transport: calls answer by id, events fan out to listeners. */
export function createWebApi(transport: MessageTransport): SifportApi {
  let nextId = 0;
  let closed = false;
  const pending = new Map<number, Pending>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();

  transport.onMessage((text) => {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return;
    }
    const message = hostMessage.safeParse(raw);
    if (!message.success) return;
    if ('envelope' in message.data) {
      const call = message.data.id === null ? undefined : pending.get(message.data.id);
      if (!call || message.data.id === null) return;
      pending.delete(message.data.id);
      try {
        call.resolve(unwrapEnvelope(call.channel, message.data.envelope));
      } catch (err) {
        call.reject(err as Error);
      }
      return;
    }
    const event = message.data.event as EventName;
    if (!EVENT_NAMES.includes(event)) return;
    const payload = checkEventPayload(event, message.data.payload);
    if (payload === undefined) return;
    for (const listener of listeners.get(event) ?? []) listener(payload);
  });

  transport.onClose(() => {
    closed = true;
    const lost = new SifportCallError('NETWORK', 'The connection to the Sifport host was lost.');
    for (const call of pending.values()) call.reject(lost);
    pending.clear();
  });

  return {
    invoke(channel, request) {
      if (closed) {
        return Promise.reject(
          new SifportCallError('NETWORK', 'The connection to the Sifport host is closed.'),
        );
      }
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { channel, resolve: resolve as (value: unknown) => void, reject });
        transport.send(JSON.stringify({ id, channel, request } satisfies CallMessage));
      });
    },
    on(event, listener) {
      if (!EVENT_NAMES.includes(event)) throw new Error(`Unknown event ${event}`);
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
  };
}
