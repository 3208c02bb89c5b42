import { Columns2, Download, FileSearch, Plus, Upload } from 'lucide-react';
import { Button as AriaButton } from 'react-aria-components';
import { useShallow } from 'zustand/react/shallow';
import { useSifportStore } from '../../store/store.js';
import type { AccountItem } from '../../store/domain.js';
import { Button, IconButton } from '../../ui/button.js';
import { Monogram } from '../../ui/monogram.js';
import type { PaneTarget } from '../shell/view-slice.js';
import { accountLabel, accountStatus } from './account-status.js';
import { StatusBadge } from './status-badge.js';
import { StorageBanner } from './storage-banner.js';
import { useNow } from './use-now.js';

/** Recent repositories across accounts, at most `limit`, newest of each account first. */
function recentAcross(
  accounts: readonly AccountItem[],
  recent: Readonly<Record<string, readonly string[]>>,
  limit: number,
): PaneTarget[] {
  const lists = accounts.map((a) =>
    (recent[a.id] ?? []).map((repository) => ({
      accountId: a.id,
      registry: a.registry,
      repository,
    })),
  );
  const out: PaneTarget[] = [];
  for (let i = 0; out.length < limit && lists.some((l) => i < l.length); i++) {
    for (const list of lists) if (list[i] && out.length < limit) out.push(list[i]!);
  }
  return out;
}

/** One account on the home screen: who, where, status; opens its page. */
function AccountCard({ account, now }: { account: AccountItem; now: number }) {
  const test = useSifportStore((s) => s.tests[account.id]);
  const navigate = useSifportStore((s) => s.navigate);
  const provider = useSifportStore((s) => s.providers.find((p) => p.id === account.provider));
  return (
    <li>
      <AriaButton
        onPress={() => navigate({ kind: 'account', accountId: account.id })}
        className="flex w-full items-center gap-3 rounded-lg border border-line bg-surface px-3 py-2.5 text-left outline-none hover:border-control hover:bg-hover focus-visible:outline-2 focus-visible:outline-accent"
      >
        <Monogram provider={account.provider} large />
        <span className="flex min-w-0 flex-1 flex-col">
          <span className="truncate font-medium">{accountLabel(account)}</span>
          <span className="truncate text-sm text-muted">{provider?.name ?? account.provider}</span>
        </span>
        <StatusBadge status={accountStatus(account, test, now)} />
      </AriaButton>
    </li>
  );
}

/** The home screen once there are accounts: accounts, recent repositories, quick actions. */
export function HomeOverview() {
  const now = useNow();
  const s = useSifportStore(
    useShallow((state) => ({
      accounts: state.accounts,
      recent: state.settings.recentRepositories,
      openDialog: state.openDialog,
      openRepository: state.openRepository,
      requestPush: state.requestPush,
      requestInspect: state.requestInspect,
    })),
  );
  const recent = recentAcross(s.accounts, s.recent, 8);
  const byId = new Map(s.accounts.map((a) => [a.id, a]));
  return (
    <div className="mx-auto flex w-full max-w-4xl flex-col gap-6 px-8 py-8">
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="m-0 mr-auto text-2xl font-semibold">Start</h2>
        <Button variant="primary" onPress={() => s.requestPush()}>
          <Upload size={14} aria-hidden />
          Push a SIF…
        </Button>
        <Button onPress={s.requestInspect}>
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
          <Button small onPress={() => s.openDialog({ kind: 'import-accounts' })}>
            <Download size={12} aria-hidden />
            Import logins…
          </Button>
          <Button small onPress={() => s.openDialog({ kind: 'add-account' })}>
            <Plus size={12} aria-hidden />
            Add account
          </Button>
        </div>
        <ul className="m-0 grid list-none grid-cols-2 gap-2 p-0 max-[1099px]:grid-cols-1">
          {s.accounts.map((account) => (
            <AccountCard key={account.id} account={account} now={now} />
          ))}
        </ul>
      </section>
      <section aria-labelledby="home-recent" className="flex flex-col gap-2">
        <h3 id="home-recent" className="m-0 text-lg font-semibold">
          Recent repositories
        </h3>
        {recent.length === 0 ? (
          <p className="m-0 text-muted">
            Repositories you open show here. Pick an account to list its repositories.
          </p>
        ) : (
          <ul className="m-0 flex list-none flex-col divide-y divide-line rounded-lg border border-line p-0">
            {recent.map((target) => (
              <li
                key={`${target.accountId}/${target.repository}`}
                className="flex items-center gap-2 px-3"
              >
                <AriaButton
                  onPress={() => s.openRepository(target)}
                  className="flex h-9 min-w-0 flex-1 items-center gap-3 text-left outline-none focus-visible:outline-2 focus-visible:outline-accent"
                >
                  <span className="truncate font-mono">{target.repository}</span>
                  <span className="truncate text-sm text-muted">
                    {accountLabel(byId.get(target.accountId)!)}
                  </span>
                </AriaButton>
                <IconButton
                  label={`Open ${target.repository} in split`}
                  onPress={() => s.openRepository(target, 1)}
                >
                  <Columns2 size={14} />
                </IconButton>
              </li>
            ))}
          </ul>
        )}
      </section>
      <p className="m-0 flex items-center justify-center gap-2 text-muted">
        <Upload size={14} aria-hidden />
        Drop a .sif anywhere in this window to push it.
      </p>
    </div>
  );
}
