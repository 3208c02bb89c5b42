import { Check, Minus, X } from 'lucide-react';
import { Focusable } from 'react-aria-components';
import { Tip } from '../../ui/tooltip.js';
import type { AccountItem } from '../../store/domain.js';
import { cx } from '../../ui/cx.js';
import { checklist, type CheckId } from './test-checklist.js';

/** The capabilities the account page shows as badges, with their short names. */
const BADGES: readonly (readonly [CheckId, string])[] = [
  ['pull', 'Pull'],
  ['upload', 'Push'],
  ['catalog', 'Catalog'],
  ['delete', 'Delete'],
  ['referrers', 'Referrers'],
];

/**
 * What the account may do (UI.md S4 "capability badges"): each badge says ✓/✗/? in icon and
 * words, and its tooltip (on hover and keyboard focus) says what that means.
 */
export function CapabilityBadges({ account }: { account: AccountItem }) {
  const c = account.capabilities;
  if (!c) {
    return (
      <span className="text-sm text-muted">
        Not tested yet: Test shows what this account may do.
      </span>
    );
  }
  const steps = checklist(
    { state: 'passed', capabilities: c },
    {
      registry: account.registry,
      anonymous: account.secretKind === 'none',
      insecure: Boolean(account.insecure),
    },
  );
  return (
    <ul aria-label="What this account may do" className="m-0 flex list-none flex-wrap gap-1.5 p-0">
      {BADGES.map(([id, name]) => {
        const step = steps.find((s) => s.id === id)!;
        const ok = step.state === 'ok';
        const failed = step.state === 'failed';
        const text = `${name}: ${step.detail ?? ''}${step.consequence ? ` → ${step.consequence}` : ''}`;
        return (
          <li key={id}>
            <Tip text={text}>
              <Focusable aria-label={text}>
                <span
                  tabIndex={0}
                  className={cx(
                    'inline-flex h-6 items-center gap-1 rounded-full border px-2 text-sm outline-none focus-visible:outline-2 focus-visible:outline-accent',
                    ok && 'border-success/40 bg-success-soft',
                    !ok && 'border-line bg-surface',
                  )}
                >
                  <span
                    aria-hidden
                    className={ok ? 'text-success' : failed ? 'text-danger' : 'text-muted'}
                  >
                    {ok ? <Check size={12} /> : failed ? <X size={12} /> : <Minus size={12} />}
                  </span>
                  {name}
                </span>
              </Focusable>
            </Tip>
          </li>
        );
      })}
    </ul>
  );
}
