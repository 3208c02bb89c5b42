import { useSifportStore } from '../../store/store.js';

/**
 * The window's two live regions (UI.md §5): polite for transfers that start and end and for
 * drops, assertive for failures. Visually hidden; progress ticks never go here.
 */
export function Announcer() {
  const polite = useSifportStore((s) => s.announcements.polite);
  const assertive = useSifportStore((s) => s.announcements.assertive);
  return (
    <div className="sr-only">
      <div role="status" aria-live="polite" data-testid="announcer-polite">
        {polite}
      </div>
      <div role="alert" aria-live="assertive" data-testid="announcer-assertive">
        {assertive}
      </div>
    </div>
  );
}
