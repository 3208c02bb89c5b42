import { useCallback } from 'react';
import type { ResponseOf } from '../../../../shared/contract.js';
import { useSifportStore } from '../../store/store.js';
import { useDebouncedAnswer, type Answer } from './use-debounced-answer.js';

/** What the host said about the Pull dialog's folder (`files:space`). */
export type FolderCheck = Answer<ResponseOf<'files:space'>>;

/** Asks `files:space` about `folder` (300 ms after the last keystroke) and the `names` in it. */
export function useFolderSpace(folder: string, names: readonly string[]): FolderCheck {
  const check = useSifportStore((s) => s.checkFolder);
  const path = folder.trim();
  const ask = useCallback(
    (key: string) => {
      const [asked = '', ...files] = key.split('\n');
      return check(asked, files);
    },
    [check],
  );
  return useDebouncedAnswer(path === '' ? undefined : [path, ...names].join('\n'), ask);
}
