import type { Channel, RequestOf, ResponseOf, SifportApi } from '../../../shared/contract.js';
import { SifportCallError } from '../../../preload/envelope.js';

/** Answers for some channels; a channel without one fails the call (STYLE §15: fakes refuse the unexpected). */
export type ScriptedAnswers = {
  readonly [C in Channel]?: (request: RequestOf<C>) => ResponseOf<C> | Promise<ResponseOf<C>>;
};

/**
 * A fake host for slice tests: answers from `answers`, records every call in order, and
 * fails any channel it has no answer for with INTERNAL naming it, so a test sees at once a
 * call it did not expect. Events never fire.
 */
export function scriptedHost(answers: ScriptedAnswers) {
  const calls: { channel: Channel; request: unknown }[] = [];
  const host: SifportApi = {
    async invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
      calls.push({ channel, request });
      const answer = answers[channel] as
        ((request: RequestOf<C>) => ResponseOf<C> | Promise<ResponseOf<C>>) | undefined;
      if (!answer) throw new SifportCallError('INTERNAL', `unexpected call to ${channel}`);
      return answer(request);
    },
    on: () => () => undefined,
  };
  /** The requests made to `channel`, in order. */
  const requestsTo = <C extends Channel>(channel: C) =>
    calls.filter((c) => c.channel === channel).map((c) => c.request as RequestOf<C>);
  return { host, calls, requestsTo };
}
