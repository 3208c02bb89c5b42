import type { ReactNode } from 'react';
import { useSifportStore } from '../../store/store.js';
import type { ErrorState } from '../../store/slice.js';
import { Banner } from '../../ui/banner.js';
import { Button } from '../../ui/button.js';
import { Spinner } from '../../ui/spinner.js';
import type { PaneTarget } from '../shell/view-slice.js';
import type { Loadable } from './details-documents.js';

/** Why a document could not be read, with the action its code calls for. */
export function DocumentError({
  error,
  target,
  onRetry,
  extra,
}: {
  error: ErrorState;
  target: PaneTarget;
  onRetry: () => void;
  extra?: ReactNode;
}) {
  const navigate = useSifportStore((s) => s.navigate);
  const actions =
    error.code === 'AUTH_REQUIRED' && target.accountId ? (
      <Button small onPress={() => navigate({ kind: 'account', accountId: target.accountId })}>
        Log in again…
      </Button>
    ) : error.code === 'TLS' ? (
      <Button small onPress={() => navigate({ kind: 'settings', section: 'network' })}>
        Network settings…
      </Button>
    ) : null;
  return (
    <Banner
      tone="danger"
      title={error.message}
      actions={
        <>
          {extra}
          {actions}
          <Button small onPress={onRetry}>
            Retry
          </Button>
        </>
      }
    />
  );
}

/** A document's loading and error states around what `done` draws once it is in. */
export function DocumentState<T>({
  entry,
  target,
  loading,
  onRetry,
  done,
}: {
  entry: Loadable<T> | undefined;
  target: PaneTarget;
  loading: string;
  onRetry: () => void;
  done: (value: T) => ReactNode;
}) {
  if (!entry || entry.status === 'loading') return <Spinner label={loading} />;
  if (entry.status === 'failed')
    return <DocumentError error={entry.error} target={target} onRetry={onRetry} />;
  return <>{done(entry.value)}</>;
}
