import { useSyncExternalStore } from 'react';

/** Below this window width the sidebar is a 48-px monogram rail (UI.md §1 "Narrow windows"). */
const NARROW = '(max-width: 899px)';

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(NARROW);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** True while the window is narrower than 900 px. */
export function useNarrow(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(NARROW).matches);
}
