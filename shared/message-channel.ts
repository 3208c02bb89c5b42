/**
 * The Electron side of the client protocol (`shared/client-protocol.ts`), kept free of zod so
 * the sandboxed preload bundle stays small: the one IPC channel every frame travels on, and
 * the transport the preload exposes to the page.
 */

/** The only IPC channel between the window and the main process; frames are JSON text. */
export const MESSAGE_CHANNEL = 'sifport:message';

/** Name under which the preload exposes its {@link PreloadTransport} (`window.sifportTransport`). */
export const PRELOAD_GLOBAL = 'sifportTransport';

/**
 * What the preload exposes: a text pipe to the main process and Electron's path lookup for
 * dropped files. The renderer builds the same client on it as on the loopback WebSocket.
 */
export interface PreloadTransport {
  /** Sends one frame (a JSON text) to the main process. */
  send(text: string): void;
  /** Calls `listener` with every frame from the main process; returns an unsubscribe. */
  onMessage(listener: (text: string) => void): () => void;
  /** The path on disk of a dropped or chosen file (`webUtils.getPathForFile`). */
  pathForFile(file: File): string;
}
