import { Plus, RefreshCw, Search, X } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { Button as AriaButton, Input, SearchField } from 'react-aria-components';
import { useShallow } from 'zustand/react/shallow';
import { useSifportStore } from '../../store/store.js';
import type { AccountItem } from '../../store/domain.js';
import { Button, IconButton } from '../../ui/button.js';
import { EmptyState } from '../../ui/empty-state.js';
import { inputClass } from '../../ui/field.js';
import { formatCount } from '../../ui/format.js';
import { Spinner } from '../../ui/spinner.js';
import { AccountHeader } from './account-header.js';
import { RepositoryGrid } from './repository-grid.js';
import { filterRepositories, rememberedRepositories } from './repository-problem.js';
import { ListingProblem, ListingSkeleton, NoRepositories } from './repository-states.js';

/** Reloads the list when F5 / Ctrl+R is pressed while the page shows (not on mount). */
function useOnChange(value: number, run: () => void): void {
  const first = useRef(value);
  useEffect(() => {
    if (value !== first.current) run();
    // Only the counter decides; `run` is a fresh closure each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
}

/** The repositories of an account with their filter, count and actions (UI.md S4 body). */
function Repositories({ account }: { account: AccountItem }) {
  const s = useSifportStore(
    useShallow((state) => ({
      list: state.repositoryLists[account.id],
      pinned: state.settings.pinnedRepositories[account.id],
      recent: state.settings.recentRepositories[account.id],
      load: state.loadRepositories,
      cancel: state.cancelRepositories,
      openDialog: state.openDialog,
      refreshCount: state.refreshCount,
      filterFocusCount: state.filterFocusCount,
    })),
  );
  const [filter, setFilter] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const { load, list } = s;
  useEffect(() => {
    if (!list || (list.status === 'ready' && Date.now() - (list.loadedAt ?? 0) > 60_000)) {
      void load(account.id);
    }
    // Load on opening the page only; F5 reloads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [account.id]);
  useOnChange(s.refreshCount, () => void load(account.id));
  useOnChange(s.filterFocusCount, () => input.current?.focus());

  const failed = list?.status === 'failed';
  const all = failed ? rememberedRepositories(s.pinned, s.recent) : (list?.repositories ?? []);
  const shown = filterRepositories(all, filter);
  const noun = all.length === 1 ? 'repository' : 'repositories';
  const count =
    shown.length === all.length
      ? `${formatCount(all.length)} ${failed ? `remembered ${noun}` : noun}`
      : `${formatCount(shown.length)} of ${formatCount(all.length)} match`;
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="flex shrink-0 items-center gap-2 px-6 py-2">
        <SearchField
          aria-label="Filter repositories"
          value={filter}
          onChange={setFilter}
          className="group relative w-72"
        >
          <Search size={14} aria-hidden className="absolute top-1.5 left-2 text-muted" />
          <Input
            ref={input}
            placeholder="Filter repositories (Ctrl+F)"
            className={`${inputClass} pr-7 pl-7 [&::-webkit-search-cancel-button]:appearance-none`}
          />
          <AriaButton
            aria-label="Clear the filter"
            className="absolute top-1 right-1 flex size-5 items-center justify-center rounded text-muted group-data-[empty]:hidden hover:bg-hover"
          >
            <X size={12} aria-hidden />
          </AriaButton>
        </SearchField>
        <span className="mr-auto text-sm text-muted">
          {list?.status === 'loading' && all.length > 0 ? (
            <Spinner label="Refreshing…" />
          ) : (
            <span role="status">{list ? count : ''}</span>
          )}
        </span>
        <Button
          small
          onPress={() => s.openDialog({ kind: 'add-repository', accountId: account.id })}
        >
          <Plus size={12} aria-hidden />
          Add by name…
        </Button>
        <IconButton
          label="Refresh"
          shortcut="F5"
          onPress={() => void load(account.id)}
          isDisabled={list?.status === 'loading'}
        >
          <RefreshCw size={14} />
        </IconButton>
      </div>
      {failed && list.error ? (
        <div className="shrink-0 px-6 pb-2">
          <ListingProblem account={account} error={list.error} />
        </div>
      ) : null}
      {!list || (list.status === 'loading' && all.length === 0) ? (
        <ListingSkeleton onCancel={() => s.cancel(account.id)} />
      ) : list.status === 'cancelled' && all.length === 0 ? (
        <EmptyState
          title="Listing stopped"
          actions={<Button onPress={() => void load(account.id)}>List again</Button>}
        >
          Nothing was listed. List again when the registry answers faster.
        </EmptyState>
      ) : list.status === 'ready' && all.length === 0 ? (
        <NoRepositories account={account} />
      ) : all.length > 0 && shown.length === 0 ? (
        <EmptyState
          title={`No repositories match “${filter}”`}
          actions={<Button onPress={() => setFilter('')}>Clear the filter</Button>}
        />
      ) : all.length > 0 ? (
        <div className="mx-6 mb-4 flex min-h-0 flex-1 flex-col overflow-hidden rounded-md border border-line">
          <RepositoryGrid
            account={account}
            repositories={shown}
            label={`Repositories of ${account.registry}`}
          />
        </div>
      ) : null}
    </div>
  );
}

/** The account page (UI.md S4): header, then its repositories; opens a repository on Enter. */
export function AccountPage({ accountId }: { accountId: string }) {
  const account = useSifportStore((s) => s.accounts.find((a) => a.id === accountId));
  const navigate = useSifportStore((s) => s.navigate);
  if (!account) {
    return (
      <EmptyState
        title="This account is gone"
        actions={<Button onPress={() => navigate({ kind: 'home' })}>Go to start</Button>}
      >
        It was removed, here or in another window.
      </EmptyState>
    );
  }
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <AccountHeader account={account} />
      <Repositories account={account} />
    </div>
  );
}
