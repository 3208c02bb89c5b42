import { z } from 'zod';
import { accountChannels, accountEvents } from './accounts-contract.js';
import { appChannels, appEvents } from './app-contract.js';
import { desktopChannels } from './desktop-contract.js';
import { keysChannels } from './keys-contract.js';
import { registryChannels } from './registry-contract.js';
import { sifChannels } from './sif-contract.js';
import { transferChannels, transferEvents } from './transfers-contract.js';
import { ERROR_CODES } from './error-codes.js';

/**
 * The IPC contract between the renderer and the main process (DESIGN.md "The IPC
 * contract"): one map from channel (`area:verb`) to request and response schemas, plus the
 * events the main process pushes. Both sides validate with these schemas; the renderer
 * never sees a secret, only registry names and user names.
 */
const registryOptions = z.object({
  caFile: z.string().optional(),
  insecure: z.boolean().optional(),
  plainHttp: z.boolean().optional(),
});

const reference = z.string().min(1).max(1024);

export const channels = {
  'registry:tags': {
    request: z.object({ repository: reference }).extend(registryOptions.shape),
    response: z.object({ tags: z.array(z.string()) }),
  },
  'registry:repos': {
    request: z.object({ registry: z.string().min(1).max(255) }).extend(registryOptions.shape),
    response: z.object({ repositories: z.array(z.string()) }),
  },
  ...transferChannels,
  ...registryChannels,
  ...accountChannels,
  ...appChannels,
  ...sifChannels,
  ...keysChannels,
  ...desktopChannels,
} as const;

export const errorInfo = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  retryable: z.boolean(),
  detail: z.unknown().optional(),
});

export const events = {
  ...transferEvents,
  ...accountEvents,
  ...appEvents,
} as const;

/** A channel name. */
export type Channel = keyof typeof channels;
/** An event name. */
export type EventName = keyof typeof events;
/** The request type of a channel. */
export type RequestOf<C extends Channel> = z.infer<(typeof channels)[C]['request']>;
/** The response type of a channel. */
export type ResponseOf<C extends Channel> = z.infer<(typeof channels)[C]['response']>;
/** The payload of an event. */
export type EventOf<E extends EventName> = z.infer<(typeof events)[E]>;

/** What crosses the boundary for every call (STYLE §7). */
export type Envelope<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: z.infer<typeof errorInfo> };

/** How {@link SifportApi.uploadFile} reports and stops an upload. */
export interface UploadOptions {
  readonly onProgress?: (bytesSent: number) => void;
  readonly signal?: AbortSignal;
}

/** The API the preload (and its WebSocket twin) exposes as `window.sifport`. */
export interface SifportApi {
  invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  on<E extends EventName>(event: E, listener: (payload: EventOf<E>) => void): () => void;
  /**
   * The path on disk of a dropped or chosen file, where the host can tell (Electron's
   * `webUtils.getPathForFile`); absent in a browser, where the page asks for a path instead.
   */
  pathForFile?(file: File): string;
  /**
   * The browser mode's way to push a dropped file that has no path: streams its bytes to the
   * host, which keeps a copy in the profile until the push ends; returns the copy's path.
   * `onProgress` hears the bytes sent so far; `signal` stops the upload.
   */
  uploadFile?(file: File, options?: UploadOptions): Promise<string>;
}
