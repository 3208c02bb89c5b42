import { z } from 'zod';
import { errorInfo, type Envelope } from './contract.js';

/**
 * The one client protocol of the window (STYLE §6, in the spirit of VS Code's
 * `IMessagePassingProtocol`): the IPC contract carried as JSON text frames over a single
 * message pipe, the same over Electron IPC (one channel, `MESSAGE_CHANNEL`) and over the
 * loopback host's WebSocket. A call is `{id, channel, request}`; its answer is
 * `{id, envelope}` (STYLE §7); events arrive unasked as `{event, payload}`. Both ends parse
 * every frame with these schemas, so the preload knows no channel or event name at all.
 */

/** Largest frame either side accepts, in bytes; requests are small JSON objects. */
export const MAX_FRAME_BYTES = 1024 * 1024;

/** A call from the page. `id` is chosen by the caller and echoed in the answer. */
export const callMessage = z.object({
  id: z.number().int().nonnegative(),
  channel: z.string().min(1).max(100),
  request: z.unknown(),
});

/** The envelope of any channel (STYLE §7); the value is checked per channel by the caller. */
export const envelopeSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: errorInfo }),
]);

/** The answer to a call; `id` is null when the frame could not be read as a call at all. */
export const replyMessage = z.object({
  id: z.number().int().nonnegative().nullable(),
  envelope: envelopeSchema,
});

/** An event pushed by the host; the payload is checked against `events[event]` by the page. */
export const eventMessage = z.object({ event: z.string().min(1).max(100), payload: z.unknown() });

/** Anything the host may send. */
export const hostMessage = z.union([replyMessage, eventMessage]);

/** A call as sent over the socket. */
export type CallMessage = Readonly<z.infer<typeof callMessage>>;
/** A reply as sent over the socket. */
export type ReplyMessage = Readonly<{ id: number | null; envelope: Envelope<unknown> }>;
/** An event as sent over the socket. */
export type EventMessage = Readonly<z.infer<typeof eventMessage>>;
