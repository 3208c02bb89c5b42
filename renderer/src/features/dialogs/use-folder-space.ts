import { useEffect, useState } from 'react';
import type { ResponseOf } from '../../../../shared/contract.js';
import { errorState, type ErrorState } from '../../store/slice.js';
import { useSifportStore } from '../../store/store.js';

/** What the host said about the Pull dialog's folder, or that it is still asking. */
export interface FolderCheck {
  readonly status: 'empty' | 'checking' | 'ok' | 'failed';
  readonly space?: ResponseOf<'files:space'>;
  readonly error?: ErrorState;
}

/** Asks `files:space` about `folder` (300 ms after the last keystroke) and the `names` in it. */
export function useFolderSpace(folder: string, names: readonly string[]): FolderCheck {
  const check = useSifportStore((s) => s.checkFolder);
  const [answer, setAnswer] = useState<{ key: string; check: FolderCheck }>();
  const path = folder.trim();
  const key = `${path}\n${names.join('\n')}`;
  useEffect(() => {
    if (path === '') return undefined;
    let live = true;
    const timer = setTimeout(() => {
      const [, ...asked] = key.split('\n');
      check(path, asked).then(
        (space) => live && setAnswer({ key, check: { status: 'ok', space } }),
        (err: unknown) =>
          live && setAnswer({ key, check: { status: 'failed', error: errorState(err) } }),
      );
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [check, path, key]);
  if (path === '') return { status: 'empty' };
  return answer?.key === key ? answer.check : { status: 'checking' };
}
