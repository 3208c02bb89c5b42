import { useEffect, useState } from 'react';
import { FolderOpen, KeyRound, Lock, SearchX, ShieldAlert, WifiOff } from 'lucide-react';
import { useSifportStore } from '../../store/store.js';
import { Button } from '../../ui/button.js';
import { CommandBlock } from '../../ui/copy-button.js';
import { EmptyState } from '../../ui/empty-state.js';
import { Spinner } from '../../ui/spinner.js';
import type { PaneTarget } from '../shell/view-slice.js';
import type { TagListing } from './explorer-slice.js';
import { apptainerPush, repoKeyOf } from './tag-reference.js';

/**
 * What a pane shows instead of the grid (UI.md S5 states): listing, each error with the
 * action its code calls for, an empty repository, and a filter that matches nothing.
 */

/** The listing is on its way. */
export function ListingTags({ target }: { target: PaneTarget }) {
  return (
    <EmptyState
      title="Listing tags…"
      actions={<Spinner label="Reading every page of the tag list" />}
    >
      <span className="font-mono">{repoKeyOf(target)}</span>
    </EmptyState>
  );
}

function Countdown({ until, onDone }: { until: number; onDone: () => void }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (now >= until) {
      onDone();
      return undefined;
    }
    const timer = setTimeout(() => setNow(Date.now()), 1000);
    return () => clearTimeout(timer);
  }, [now, until, onDone]);
  return <>{Math.max(0, Math.ceil((until - now) / 1000))} s</>;
}

/** The listing failed: what happened, and the one action that answers its code. */
export function ListingFailed({ target, listing }: { target: PaneTarget; listing: TagListing }) {
  const { loadTags, renewAndReload, navigate } = useSifportStore.getState();
  const account = useSifportStore((s) => s.accounts.find((a) => a.id === target.accountId));
  const error = listing.error!;
  const retry = () => void loadTags(target, true);
  const retryButton = (
    <Button variant="primary" onPress={retry}>
      Retry
    </Button>
  );
  const where = <span className="font-mono">{repoKeyOf(target)}</span>;
  const tryAgain = <Button onPress={retry}>Try again</Button>;
  switch (error.code) {
    case 'AUTH_REQUIRED': {
      const cloud = account?.secretKind === 'cloud-command';
      return (
        <EmptyState
          icon={<KeyRound size={28} />}
          title={`${target.registry} wants you to log in again`}
          actions={
            <>
              {cloud ? (
                <Button variant="primary" onPress={() => void renewAndReload(target)}>
                  Renew token
                </Button>
              ) : null}
              <Button
                variant={cloud ? 'secondary' : 'primary'}
                onPress={() =>
                  account ? navigate({ kind: 'account', accountId: account.id }) : undefined
                }
                isDisabled={!account}
              >
                Log in again…
              </Button>
            </>
          }
        >
          {error.message}
        </EmptyState>
      );
    }
    case 'TLS':
      return (
        <EmptyState
          icon={<ShieldAlert size={28} />}
          title={`Cannot trust ${target.registry}'s certificate`}
          actions={
            <>
              <Button
                variant="primary"
                onPress={() => navigate({ kind: 'settings', section: 'network' })}
              >
                Network settings…
              </Button>
              <Button onPress={retry}>Retry</Button>
            </>
          }
        >
          {error.message} Add the registry's CA file in the account or in Network settings, then
          retry.
        </EmptyState>
      );
    case 'NOT_FOUND':
      return (
        <EmptyState icon={<SearchX size={28} />} title="No such repository" actions={tryAgain}>
          {where} does not exist, or has no tags. Check the spelling, or pick another repository in
          the sidebar.
        </EmptyState>
      );
    case 'DENIED':
      return (
        <EmptyState
          icon={<Lock size={28} />}
          title="This account may not read the repository"
          actions={tryAgain}
        >
          {target.registry} refused to list {where} for{' '}
          {account ? `${account.username}` : 'this login'}. Ask its administrator for pull access,
          or open it with another account.
        </EmptyState>
      );
    case 'RATE_LIMITED':
      return (
        <EmptyState
          icon={<WifiOff size={28} />}
          title={`${target.registry} is rate-limiting requests`}
          actions={retryButton}
        >
          Asking again in <Countdown until={listing.retryAt ?? 0} onDone={retry} />. {error.message}
        </EmptyState>
      );
    default:
      return (
        <EmptyState
          icon={<WifiOff size={28} />}
          title="Could not list the tags"
          actions={retryButton}
        >
          {error.message}
          {error.retryable ? ' It may work if you try again.' : ''}
        </EmptyState>
      );
  }
}

/** The repository exists and holds nothing yet: how to put an image there. */
export function EmptyRepository({ target }: { target: PaneTarget }) {
  const requestPush = useSifportStore((s) => s.requestPush);
  return (
    <EmptyState
      icon={<FolderOpen size={28} />}
      title={`${target.repository} has no tags yet`}
      actions={
        <Button variant="primary" onPress={() => requestPush(target)}>
          Push here…
        </Button>
      }
    >
      <p className="mb-2">Drop a .sif on this pane, or push one from a terminal:</p>
      <CommandBlock command={apptainerPush(target)} label="push command" />
    </EmptyState>
  );
}

/** The filter (and facets) left no row. */
export function NoMatch({ filter, onClear }: { filter: string; onClear: () => void }) {
  return (
    <EmptyState
      icon={<SearchX size={28} />}
      title={filter ? `No tags match '${filter}'` : 'No tags match the facets'}
      actions={<Button onPress={onClear}>Clear filter</Button>}
    >
      {filter
        ? 'Plain text matches anywhere in a tag; use * and ? for a glob, or /…/ for a regular expression.'
        : 'Loaded details prove no tag fits; tags whose details are still loading are left out.'}
    </EmptyState>
  );
}
