import { FileSearch, Pin, RefreshCw, Upload } from 'lucide-react';
import { Button as AriaButton } from 'react-aria-components';
import { useShallow } from 'zustand/react/shallow';
import { useSifportStore } from '../../store/store.js';
import type { AccountItem } from '../../store/domain.js';
import { Button } from '../../ui/button.js';
import { Monogram } from '../../ui/monogram.js';
import { AccountButtons } from './account-buttons.js';
import { accountLabel, accountStatus } from './account-status.js';
import { accountChildren } from './sidebar-model.js';
import { StatusBadge } from './status-badge.js';
import { StorageBanner } from './storage-banner.js';
import { useNow } from './use-now.js';

/** Repositories a card shows at most. */
const CHIPS = 6;

/**
 * One account on the home screen: who, where and its status (with Renew when a cloud token
 * runs out), then its pinned and recent repositories, each one click from the explorer.
 */
function AccountCard({ account, now }: { account: AccountItem; now: number }) {
  const s = useSifportStore(
    useShallow((state) => ({
      test: state.tests[account.id],
      pinned: state.settings.pinnedRepositories[account.id],
      recent: state.settings.recentRepositories[account.id],
      provider: state.providers.find((p) => p.id === account.provider)?.name,
      navigate: state.navigate,
      openRepository: state.openRepository,
      renewAccount: state.renewAccount,
    })),
  );
  const status = accountStatus(account, s.test, now);
  const { pinned, recent } = accountChildren(s.pinned, s.recent);
  const chips = [
    ...pinned.map((r) => [r, true] as const),
    ...recent.map((r) => [r, false] as const),
  ];
  return (
    <li className="flex flex-col rounded-lg border border-line bg-surface">
      <div className="flex items-center gap-2 pr-3">
        <AriaButton
          onPress={() => s.navigate({ kind: 'account', accountId: account.id })}
          className="flex min-w-0 flex-1 items-center gap-3 rounded-lg px-3 py-2.5 text-left outline-none hover:bg-hover focus-visible:outline-2 focus-visible:outline-accent"
        >
          <Monogram provider={account.provider} large />
          <span className="flex min-w-0 flex-1 flex-col">
            <span className="truncate font-medium">{accountLabel(account)}</span>
            <span className="truncate text-sm text-muted">{s.provider ?? account.provider}</span>
          </span>
        </AriaButton>
        <StatusBadge status={status} />
        {account.secretKind === 'cloud-command' && status.tone !== 'success' ? (
          <Button small onPress={() => void s.renewAccount(account.id)}>
            <RefreshCw size={12} aria-hidden />
            Renew
          </Button>
        ) : null}
      </div>
      <div className="flex min-h-9 flex-wrap items-center gap-1 border-t border-line px-3 py-1.5">
        {chips.length === 0 ? (
          <span className="text-sm text-muted">No repository opened yet</span>
        ) : (
          chips.slice(0, CHIPS).map(([repository, isPinned]) => (
            <AriaButton
              key={repository}
              aria-label={`Open ${repository}${isPinned ? ' (pinned)' : ''}`}
              onPress={() =>
                s.openRepository({ accountId: account.id, registry: account.registry, repository })
              }
              className="flex h-6 max-w-full items-center gap-1 rounded border border-line bg-bg px-1.5 font-mono text-sm outline-none hover:border-control focus-visible:outline-2 focus-visible:outline-accent"
            >
              {isPinned ? <Pin size={10} aria-hidden className="text-muted" /> : null}
              <span className="truncate">{repository}</span>
            </AriaButton>
          ))
        )}
        {chips.length > CHIPS ? (
          <span className="text-sm text-muted">and {chips.length - CHIPS} more</span>
        ) : null}
      </div>
    </li>
  );
}

/** The home screen once there are accounts: quick actions, then each account and its repositories. */
export function HomeOverview() {
  const now = useNow();
  const accounts = useSifportStore((state) => state.accounts);
  const requestPush = useSifportStore((state) => state.requestPush);
  const requestInspect = useSifportStore((state) => state.requestInspect);
  return (
    <div className="mx-auto flex w-full max-w-4xl flex-col gap-6 px-8 py-8">
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="m-0 mr-auto text-2xl font-semibold">Start</h2>
        <Button variant="primary" onPress={() => requestPush()}>
          <Upload size={14} aria-hidden />
          Push a SIF…
        </Button>
        <Button onPress={requestInspect}>
          <FileSearch size={14} aria-hidden />
          Inspect a local SIF…
        </Button>
      </div>
      <StorageBanner />
      <section aria-labelledby="home-accounts" className="flex flex-col gap-2">
        <div className="flex items-center gap-2">
          <h3 id="home-accounts" className="m-0 mr-auto text-lg font-semibold">
            Your accounts
          </h3>
          <AccountButtons />
        </div>
        <ul className="m-0 grid list-none grid-cols-2 gap-3 p-0 max-[1099px]:grid-cols-1">
          {accounts.map((account) => (
            <AccountCard key={account.id} account={account} now={now} />
          ))}
        </ul>
      </section>
      <p className="m-0 flex items-center justify-center gap-2 text-muted">
        <Upload size={14} aria-hidden />
        Drop a .sif anywhere in this window to push it; Ctrl+K finds accounts, screens and actions.
      </p>
    </div>
  );
}
