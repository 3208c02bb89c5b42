import { useEffect, useState } from 'react';
import { Clock } from 'lucide-react';
import { shortDuration } from '../../../../shared/account-text.js';
import { useSifportStore } from '../../store/store.js';
import type { AccountItem } from '../../store/domain.js';
import { expiringTokens } from './token-expiry.js';
import { StatusItem } from './status-item.js';

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
      label={more.length ? ` more tokens expire soon.` : '.'}
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
