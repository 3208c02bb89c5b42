import { FlaskConical, RefreshCw } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useSifportStore } from '../../store/store.js';
import type { AccountItem } from '../../store/domain.js';
import { Button } from '../../ui/button.js';
import { formatAbsolute } from '../../ui/format.js';
import { Monogram } from '../../ui/monogram.js';
import { ProgressBar } from '../../ui/progress-bar.js';
import { accountMenuEntries } from './account-actions.js';
import { accountLabel, accountStatus, durationWords, shortPath } from './account-status.js';
import { CapabilityBadges } from './capability-badges.js';
import { ACCOUNT_MENU_ICONS } from './menu-icons.js';
import { RowMenu } from './row-menu.js';
import { StatusBadge } from './status-badge.js';
import { useNow } from './use-now.js';

/** A small button that says what it is doing ("Testing…") and waits meanwhile. */
function BusyButton({
  icon,
  label,
  busy,
  onPress,
}: {
  icon: ReactNode;
  label: string;
  /** The words while it runs; undefined when idle. */
  busy: string | undefined;
  onPress: () => void;
}) {
  return (
    <Button small onPress={onPress} isDisabled={busy !== undefined}>
      {icon}
      {busy ?? label}
    </Button>
  );
}

/** Where the account came from, in words. */
function sourceText(account: AccountItem): string {
  if (account.id.startsWith('login:')) return 'Shared with the sifport command line (logins.json)';
  if (account.source === 'sifport') return 'Added in Sifport';
  return `Imported from ${shortPath(account.origin ?? account.source)} (a copy: that file is never changed)`;
}

/** A cloud account's token: minted when, expires when, and Renew (UI.md S4 "token meter"). */
function TokenMeter({ account, now }: { account: AccountItem; now: number }) {
  const renewal = useSifportStore((s) => s.renewals[account.id]);
  const renewAccount = useSifportStore((s) => s.renewAccount);
  const { tokenMintedAt: minted, tokenExpiresAt: expires } = account;
  const lifetime = account.tokenLifetimeMs ?? (minted && expires ? expires - minted : undefined);
  const left = expires !== undefined ? expires - now : undefined;
  const words =
    minted === undefined || left === undefined
      ? 'No token minted yet'
      : `minted ${durationWords(now - minted)} ago · ${left > 0 ? `expires in ${durationWords(left)}` : 'expired (renewed on next use)'}`;
  return (
    <div className="flex items-center gap-3">
      <div className="flex w-72 flex-col gap-1">
        <span className="text-sm">Token: {words}</span>
        <ProgressBar
          label="Token lifetime left"
          value={left !== undefined && lifetime ? Math.max(0, (left / lifetime) * 100) : 0}
          valueText={words}
          tone={left !== undefined && left < 15 * 60_000 ? 'danger' : 'accent'}
        />
      </div>
      <BusyButton
        icon={<RefreshCw size={12} aria-hidden />}
        label="Renew"
        busy={renewal?.status === 'renewing' ? 'Renewing…' : undefined}
        onPress={() => void renewAccount(account.id)}
      />
      {renewal?.status === 'failed' ? (
        <span role="alert" className="text-sm text-danger">
          {renewal.error?.message}
        </span>
      ) : null}
    </div>
  );
}

/**
 * The account page's header (UI.md S4): who and where, where it came from, the token meter
 * of a cloud account, what it may do, and Test again.
 */
export function AccountHeader({ account }: { account: AccountItem }) {
  const [menu, setMenu] = useState(false);
  const { test, testAccount, provider } = useSifportStore(
    useShallow((s) => ({
      test: s.tests[account.id],
      testAccount: s.testAccount,
      provider: s.providers.find((p) => p.id === account.provider),
    })),
  );
  const now = useNow();
  const status = accountStatus(account, test, now);
  return (
    <header className="flex shrink-0 flex-col gap-3 border-b border-line px-6 py-4">
      <div className="flex items-start gap-3">
        <Monogram provider={account.provider} large />
        <div className="flex min-w-0 flex-1 flex-col gap-0.5">
          <h2 className="m-0 truncate text-xl font-semibold">{accountLabel(account)}</h2>
          <p
            className="m-0 truncate text-sm text-muted"
            title={`Added ${formatAbsolute(account.createdAt)}`}
          >
            {provider?.name ?? account.provider} · {sourceText(account)}
          </p>
        </div>
        <StatusBadge status={status} className="mt-1" />
        <BusyButton
          icon={<FlaskConical size={12} aria-hidden />}
          label="Test again"
          busy={test?.status === 'testing' ? 'Testing…' : undefined}
          onPress={() => void testAccount(account.id)}
        />
        <RowMenu
          label={`Actions for ${accountLabel(account)}`}
          open={menu}
          onOpenChange={setMenu}
          entries={(state) => accountMenuEntries(state, account, ACCOUNT_MENU_ICONS)}
          inTabOrder
        />
      </div>
      {test?.status === 'failed' ? (
        <p role="alert" className="m-0 text-sm text-danger">
          {status.detail}
        </p>
      ) : null}
      {account.secretKind === 'cloud-command' ? <TokenMeter account={account} now={now} /> : null}
      <CapabilityBadges account={account} />
    </header>
  );
}
