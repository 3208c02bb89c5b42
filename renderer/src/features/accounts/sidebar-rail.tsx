import { FileSearch, House, KeyRound, Plus, Settings } from 'lucide-react';
import { useShallow } from 'zustand/react/shallow';
import { useSifportStore } from '../../store/store.js';
import { IconButton } from '../../ui/button.js';
import { cx } from '../../ui/cx.js';
import { MONOGRAMS, Monogram } from '../../ui/monogram.js';
import { accountLabel, accountStatus } from './account-status.js';
import { StatusIcon } from './status-badge.js';
import { useNow } from './use-now.js';

/**
 * The sidebar of a window narrower than 900 px (UI.md §1): a 48-px rail of monogram tiles,
 * one per account, each named (and tooltipped) with its account and status, then the bottom
 * navigation as icons.
 */
export function SidebarRail() {
  const { accounts, tests, screen, navigate, openDialog, requestInspect } = useSifportStore(
    useShallow((s) => ({
      accounts: s.accounts,
      tests: s.tests,
      screen: s.screen,
      navigate: s.navigate,
      openDialog: s.openDialog,
      requestInspect: s.requestInspect,
    })),
  );
  const now = useNow();
  return (
    <div className="flex h-full flex-col items-center gap-1 py-2">
      <IconButton
        label="Start"
        onPress={() => navigate({ kind: 'home' })}
        className={cx(screen.kind === 'home' && 'bg-selected')}
      >
        <House size={16} />
      </IconButton>
      <ul
        aria-label="Accounts"
        className="m-0 flex min-h-0 flex-1 list-none flex-col items-center gap-1 overflow-auto p-0"
      >
        {accounts.map((account) => {
          const status = accountStatus(account, tests[account.id], now);
          const current = screen.kind === 'account' && screen.accountId === account.id;
          return (
            <li key={account.id} className="relative">
              <IconButton
                // Starts with the tile's visible monogram, so what is seen is what is named.
                label={`${MONOGRAMS[account.provider]} · ${accountLabel(account)}, ${status.label}`}
                onPress={() => navigate({ kind: 'account', accountId: account.id })}
                className={cx('h-9 w-10', current && 'bg-selected')}
              >
                <Monogram provider={account.provider} />
              </IconButton>
              <span className="pointer-events-none absolute right-0.5 bottom-0.5 rounded-full bg-surface">
                <StatusIcon status={status} size={10} />
              </span>
            </li>
          );
        })}
      </ul>
      <IconButton label="Inspect a local SIF…" onPress={requestInspect}>
        <FileSearch size={16} />
      </IconButton>
      <IconButton label="Add account" onPress={() => openDialog({ kind: 'add-account' })}>
        <Plus size={16} />
      </IconButton>
      <IconButton label="Keys" onPress={() => navigate({ kind: 'keys' })}>
        <KeyRound size={16} />
      </IconButton>
      <IconButton label="Settings" shortcut="Ctrl+," onPress={() => navigate({ kind: 'settings' })}>
        <Settings size={16} />
      </IconButton>
    </div>
  );
}
