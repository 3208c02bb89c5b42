import { useShallow } from 'zustand/react/shallow';
import { useSifportStore, type SifportState } from './store.js';

/**
 * The store's fields `names` (state and actions), by their own names, as one object: the
 * component re-renders only when one of them changes (zustand's `useShallow` over a pick).
 * For a derived value or a field renamed on the way, write the selector out instead.
 */
export function useStoreFields<K extends keyof SifportState>(
  ...names: readonly K[]
): Pick<SifportState, K> {
  return useSifportStore(
    useShallow((s) => {
      const picked = {} as Pick<SifportState, K>;
      for (const name of names) picked[name] = s[name];
      return picked;
    }),
  );
}
