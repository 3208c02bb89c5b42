import type { ReactNode } from 'react';
import { useSifportStore } from '../../store/store.js';
import { Spinner } from '../../ui/spinner.js';

/**
 * What shows while the account list loads, when it is empty and when it has accounts: the
 * home screen (welcome or overview) and the sidebar (hint or tree) switch alike.
 */
export function AccountsPhase({
  empty,
  some,
  className,
}: {
  empty: ReactNode;
  some: ReactNode;
  /** Padding around the "Loading accounts…" spinner. */
  className: string;
}) {
  const phase = useSifportStore((s) =>
    !s.accountsLoaded ? 'loading' : s.accounts.length === 0 ? 'empty' : 'some',
  );
  if (phase === 'loading') {
    return (
      <div className={className}>
        <Spinner label="Loading accounts…" />
      </div>
    );
  }
  return phase === 'empty' ? empty : some;
}
