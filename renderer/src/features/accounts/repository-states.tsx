import { KeyRound, Plus, RefreshCw, Settings, Upload } from 'lucide-react';
import { useShallow } from 'zustand/react/shallow';
import { useSifportStore } from '../../store/store.js';
import type { AccountItem } from '../../store/domain.js';
import type { ErrorState } from '../../store/slice.js';
import { Banner } from '../../ui/banner.js';
import { Button } from '../../ui/button.js';
import { CommandBlock } from '../../ui/copy-button.js';
import { EmptyState } from '../../ui/empty-state.js';
import { Spinner } from '../../ui/spinner.js';
import { listProblem } from './repository-problem.js';

/** Skeleton rows while the first listing runs, with what runs and a way to stop it. */
export function ListingSkeleton({ onCancel }: { onCancel: () => void }) {
  return (
    <div className="flex flex-col gap-3 px-6 py-4">
      <div className="flex items-center gap-3">
        <Spinner label="Listing repositories…" />
        <Button small onPress={onCancel}>
          Cancel
        </Button>
      </div>
      <div aria-hidden className="flex flex-col gap-2">
        {[62, 48, 70, 40, 55, 66, 44, 58].map((w) => (
          <div key={w} className="skeleton h-4" style={{ width: `${w}%` }} />
        ))}
      </div>
    </div>
  );
}

/** An account without repositories yet: how to push the first one (UI.md S4 "empty"). */
export function NoRepositories({ account }: { account: AccountItem }) {
  const requestPush = useSifportStore((s) => s.requestPush);
  const repo = account.namespace ? `${account.namespace}/REPO` : 'REPO';
  return (
    <EmptyState
      icon={<Upload size={32} />}
      title="No repositories yet"
      actions={
        <Button
          variant="primary"
          onPress={() => requestPush({ accountId: account.id, registry: account.registry })}
        >
          <Upload size={14} aria-hidden />
          Push a SIF…
        </Button>
      }
    >
      <p className="m-0 mb-3">Push a SIF here, or drop one on this window. From a terminal:</p>
      <CommandBlock
        command={`apptainer push image.sif oras://${account.registry}/${repo}:TAG`}
        label="push command"
      />
    </EmptyState>
  );
}

/**
 * A failed listing and the action that answers it (UI.md S4): the catalog refused (why, then
 * the remembered repositories below and Add by name), the login refused (Renew, Log in
 * again), TLS or network (Retry, Network settings).
 */
export function ListingProblem({ account, error }: { account: AccountItem; error: ErrorState }) {
  const s = useSifportStore(
    useShallow((state) => ({
      provider: state.providers.find((p) => p.id === account.provider),
      load: state.loadRepositories,
      renew: state.renewAccount,
      test: state.testAccount,
      openDialog: state.openDialog,
      navigate: state.navigate,
    })),
  );
  const retry = (
    <Button small onPress={() => void s.load(account.id)}>
      <RefreshCw size={12} aria-hidden />
      Retry
    </Button>
  );
  switch (listProblem(error, account, s.provider)) {
    case 'catalog':
      return (
        <Banner
          tone="info"
          title={`${account.registry} does not list its repositories to this account`}
          actions={
            <Button
              small
              variant="primary"
              onPress={() => s.openDialog({ kind: 'add-repository', accountId: account.id })}
            >
              <Plus size={12} aria-hidden />
              Add by name…
            </Button>
          }
        >
          {s.provider?.quirks.notes[0] ?? error.message} Open a repository by its name; the ones you
          pinned or opened are below.
        </Banner>
      );
    case 'auth':
      return (
        <Banner
          tone="danger"
          title="The registry refused this login"
          actions={
            <>
              {account.secretKind === 'cloud-command' ? (
                <Button
                  small
                  variant="primary"
                  onPress={() => void s.renew(account.id).then(() => s.load(account.id))}
                >
                  <RefreshCw size={12} aria-hidden />
                  Renew
                </Button>
              ) : (
                <Button
                  small
                  variant="primary"
                  onPress={() =>
                    s.openDialog({
                      kind: 'add-account',
                      provider: account.provider,
                      input: account.namespace
                        ? `${account.registry}/${account.namespace}`
                        : account.registry,
                    })
                  }
                >
                  <KeyRound size={12} aria-hidden />
                  Log in again
                </Button>
              )}
              {retry}
            </>
          }
        >
          {error.message}
        </Banner>
      );
    case 'network':
      return (
        <Banner
          tone="danger"
          title={
            error.code === 'TLS'
              ? 'The TLS connection failed'
              : `${account.registry} cannot be reached`
          }
          actions={
            <>
              {retry}
              <Button small onPress={() => s.navigate({ kind: 'settings', section: 'network' })}>
                <Settings size={12} aria-hidden />
                Network settings
              </Button>
            </>
          }
        >
          {error.message}
        </Banner>
      );
    case 'other':
      return (
        <Banner tone="danger" title="The repositories could not be listed" actions={retry}>
          {error.message}
        </Banner>
      );
  }
}
