import { useEffect, useState } from 'react';
import { Clock } from 'lucide-react';
import { shortDuration } from '../../../../shared/account-text.js';
import { useSifportStore } from '../../store/store.js';
import type { AccountItem } from '../../store/domain.js';
import { StatusItem } from './status-item.js';

/** How close to its expiry a cloud token is worth a warning, in ms. */
export const TOKEN_WARNING_MS = 15 * 60_000;

/** Cloud accounts whose token expires within `withinMs` (or has expired), soonest first. */
export function expiringTokens(
  accounts: readonly AccountItem[],
  now: number,
  withinMs: number = TOKEN_WARNING_MS,
): AccountItem[] {
  return accounts
    .filter((a) => a.secretKind === 'cloud-command' && a.tokenExpiresAt !== undefined)
    .filter((a) => a.tokenExpiresAt! - now <= withinMs)
    .sort((a, b) => a.tokenExpiresAt! - b.tokenExpiresAt!);
}

/** "expires in 8m" / "expired 3m ago". */
function expiry(account: AccountItem, now: number): string {
  const left = account.tokenExpiresAt! - now;
  return left > 0 ? `expires in ${shortDuration(left)}` : `expired ${shortDuration(left)} ago`;
}

/**
 * The status bar's token warning (UI.md S10): the cloud token that expires soonest, with
 * Renew; "+N" when more do. Checked every 30 s while there are cloud accounts.
 */
export function TokenWarning() {
  const accounts = useSifportStore((s) => s.accounts);
  const renew = useSifportStore((s) => s.renewAccount);
  const [now, setNow] = useState(() => Date.now());
  const cloud = accounts.some((a) => a.secretKind === 'cloud-command');
  useEffect(() => {
    if (!cloud) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, [cloud]);
  const [first, ...more] = expiringTokens(accounts, now);
  if (!first) return null;
  const text = `${first.registry} token ${expiry(first, now)}`;
  return (
    <StatusItem
      tone="warning"
      label={`The cloud token of ${first.registry} ${expiry(first, now)}. Renew it now.`}
      tip="Sifport mints a new token when it needs one if the provider's CLI can; renew now to start long transfers with a fresh one."
      onPress={() => void renew(first.id)}
    >
      <Clock size={12} aria-hidden />
      <span className="max-w-64 truncate">{text}</span>
      {more.length ? <span>+{more.length}</span> : null}
      <span className="font-medium underline">Renew</span>
    </StatusItem>
  );
}
