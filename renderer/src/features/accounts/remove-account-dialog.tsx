import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useSifportStore } from '../../store/store.js';
import type { AccountItem } from '../../store/domain.js';
import type { ErrorState } from '../../store/slice.js';
import { Banner } from '../../ui/banner.js';
import { Button } from '../../ui/button.js';
import { Sheet } from '../../ui/dialog.js';
import type { DialogProps } from '../shell/view-slice.js';
import { accountLabel, shortPath } from './account-status.js';

/** What removing `account` loses, and what it leaves alone, one line each. */
function consequences(account: AccountItem, pinned: number, recent: number): string[] {
  const lines: string[] = [];
  if (account.secretKind === 'cloud-command') {
    lines.push('Its minted tokens are dropped; your cloud CLI login stays as it is.');
  } else if (account.secretKind !== 'none') {
    lines.push(`Its saved ${account.secretKind.replace('-', ' ')} is erased from Sifport.`);
  }
  if (account.id.startsWith('login:')) {
    lines.push('The sifport command line uses this same login (logins.json): it goes there too.');
  }
  if (account.origin) {
    lines.push(
      `${shortPath(account.origin)} is not changed: the tool it belongs to keeps its login.`,
    );
  }
  if (pinned + recent > 0) {
    lines.push(`${pinned} pinned and ${recent} recent repositories leave the sidebar.`);
  }
  lines.push('Nothing changes on the registry: images and tags stay.');
  return lines;
}

/** "Remove account…" (UI.md S3): an alert dialog that says what is lost before it is. */
export function RemoveAccountDialog({ dialog, onClose }: DialogProps<'remove-account'>) {
  const { account, pinned, recent, removeAccount } = useSifportStore(
    useShallow((s) => ({
      account: s.accounts.find((a) => a.id === dialog.accountId),
      pinned: s.settings.pinnedRepositories[dialog.accountId]?.length ?? 0,
      recent: s.settings.recentRepositories[dialog.accountId]?.length ?? 0,
      removeAccount: s.removeAccount,
    })),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorState | undefined>();
  if (!account) return null;
  const remove = async () => {
    setBusy(true);
    const answer = await removeAccount(account.id);
    setBusy(false);
    if (answer.ok) onClose();
    else setError(answer.error);
  };
  return (
    <Sheet
      role="alertdialog"
      title={`Remove ${accountLabel(account)}?`}
      onClose={onClose}
      dismissable={!busy}
      footer={
        <>
          <Button onPress={onClose} isDisabled={busy} autoFocus>
            Cancel
          </Button>
          <Button variant="danger" onPress={() => void remove()} isDisabled={busy}>
            {busy ? 'Removing…' : 'Remove account'}
          </Button>
        </>
      }
    >
      <ul className="m-0 flex flex-col gap-1.5 pl-4">
        {consequences(account, pinned, recent).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {error ? (
        <Banner tone="danger" title="The account was not removed" className="mt-3">
          {error.message}
        </Banner>
      ) : null}
    </Sheet>
  );
}
