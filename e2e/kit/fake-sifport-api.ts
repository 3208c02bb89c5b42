import type {
  Channel,
  EventName,
  EventOf,
  RequestOf,
  ResponseOf,
  SifportApi,
} from '../../shared/contract.js';

/** How the fake answers one channel: a value, or a function of the request (may throw). */
export type FakeAnswers = {
  readonly [C in Channel]?: (request: RequestOf<C>) => ResponseOf<C> | Promise<ResponseOf<C>>;
};

/** A {@link SifportApi} for renderer slice tests (STYLE §15: a fake, not a mock). */
export interface FakeSifportApi extends SifportApi {
  /** Every call made, in order. */
  readonly calls: { readonly channel: Channel; readonly request: unknown }[];
  /** Delivers an event to the listeners, as the host would. */
  emit<E extends EventName>(event: E, payload: EventOf<E>): void;
}

/**
 * A host that answers only the channels in `answers` and rejects any other call, so a slice
 * test fails on a request it did not expect. `extra` adds `pathForFile` or `uploadFile`.
 */
export function fakeSifportApi(
  answers: FakeAnswers,
  extra: Pick<SifportApi, 'pathForFile' | 'uploadFile'> = {},
): FakeSifportApi {
  const calls: { channel: Channel; request: unknown }[] = [];
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  return {
    ...extra,
    calls,
    invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
      calls.push({ channel, request });
      const answer = answers[channel] as
        ((r: RequestOf<C>) => ResponseOf<C> | Promise<ResponseOf<C>>) | undefined;
      if (!answer) return Promise.reject(new Error(`unexpected call ${channel}`));
      try {
        return Promise.resolve(answer(request));
      } catch (err) {
        return Promise.reject(err as Error);
      }
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (payload: unknown) => void);
      return () => set.delete(listener as (payload: unknown) => void);
    },
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
  };
}
