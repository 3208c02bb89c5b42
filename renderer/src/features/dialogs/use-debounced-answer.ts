import { useEffect, useState } from 'react';
import { errorState, type ErrorState } from '../../store/slice.js';

/** The host's answer about what a field holds, or that it is still being asked. */
export interface Answer<T> {
  readonly status: 'idle' | 'asking' | 'done' | 'failed';
  readonly value?: T;
  readonly error?: ErrorState;
}

/**
 * Asks `ask(key)` a moment after `key` last changed (typing a folder, editing a tag) and
 * keeps the answer for that key only, so a late answer for an older key never shows.
 * `undefined` means there is nothing to ask about.
 */
export function useDebouncedAnswer<T>(
  key: string | undefined,
  ask: (key: string) => Promise<T>,
  delayMs = 300,
): Answer<T> {
  const [answer, setAnswer] = useState<{ key: string; answer: Answer<T> }>();
  useEffect(() => {
    if (key === undefined) return undefined;
    let live = true;
    const timer = setTimeout(() => {
      ask(key).then(
        (value) => live && setAnswer({ key, answer: { status: 'done', value } }),
        (err: unknown) =>
          live && setAnswer({ key, answer: { status: 'failed', error: errorState(err) } }),
      );
    }, delayMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key, ask, delayMs]);
  if (key === undefined) return { status: 'idle' };
  return answer?.key === key ? answer.answer : { status: 'asking' };
}
