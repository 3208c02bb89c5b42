import { useState } from 'react';
import { useSifportStore } from '../../store/store.js';
import type { AccountItem } from '../../store/domain.js';
import { Banner } from '../../ui/banner.js';
import { Button } from '../../ui/button.js';
import { formatEta, shortDigest } from '../../ui/format.js';
import { useFormatters } from '../settings/use-formatters.js';
import { nextFreeTag } from '../targets/target-rules.js';
import type { PushEntry } from './push-entry.js';

/** The speed a push is assumed to reach when its duration is estimated (UI.md S7). */
const ESTIMATE_BYTES_PER_SECOND = 20_000_000;

/** Seconds a push of `bytes` is assumed to take. */
export function estimatedSeconds(bytes: number): number {
  return Math.max(1, bytes / ESTIMATE_BYTES_PER_SECOND);
}

/** A cloud token that may run out before a push of `bytes` ends: seconds left, else undefined. */
export function tokenShortfall(
  account: AccountItem,
  bytes: number,
  now: number,
): number | undefined {
  if (account.secretKind !== 'cloud-command' || account.tokenExpiresAt === undefined)
    return undefined;
  const left = (account.tokenExpiresAt - now) / 1000;
  return left < estimatedSeconds(bytes) ? Math.max(0, left) : undefined;
}

/**
 * What the push sheet says about the selected file before it is pushed (UI.md S7): the tag
 * exists (Overwrite / Use 0.7.18-2), the tag could not be checked, the cloud token may expire
 * during the push, the image is encrypted, or the file is not a SIF.
 */
export function PushNotes({
  entry,
  onChange,
}: {
  entry: PushEntry;
  onChange: (change: (entry: PushEntry) => PushEntry) => void;
}) {
  const account = useSifportStore((s) => s.accounts.find((a) => a.id === entry.target.accountId));
  const renew = useSifportStore((s) => s.renewAccount);
  const { time } = useFormatters();
  const [now] = useState(() => Date.now());
  const { tagState, target, facts } = entry;
  const short = account && facts?.ok ? tokenShortfall(account, facts.size, now) : undefined;
  return (
    <div className="flex flex-col gap-2">
      {facts && !facts.ok ? (
        <Banner tone="danger" title={`${entry.file.name} is not a SIF`}>
          {`It cannot be pushed: ${facts.why}. Remove it to push the others.`}
        </Banner>
      ) : null}
      {tagState.status === 'exists' ? (
        <Banner
          tone="warning"
          title={`${target.tag} → ${shortDigest(tagState.digest)}${tagState.created ? `, pushed ${time(Date.parse(tagState.created))}` : ''}`}
          actions={
            <>
              <Button
                small
                variant={entry.overwrite ? 'primary' : 'secondary'}
                aria-pressed={entry.overwrite}
                onPress={() => onChange((e) => ({ ...e, overwrite: !e.overwrite }))}
              >
                {entry.overwrite ? 'Will overwrite' : 'Overwrite'}
              </Button>
              <Button
                small
                onPress={() =>
                  onChange((e) => ({
                    ...e,
                    target: { ...e.target, tag: nextFreeTag(e.target.tag, [e.target.tag]) },
                    tagSettled: true,
                    tagState: { status: 'idle' },
                    overwrite: false,
                  }))
                }
              >
                Use {nextFreeTag(target.tag, [target.tag])}
              </Button>
            </>
          }
        >
          Overwriting moves the tag; the old image stays reachable by its digest.
        </Banner>
      ) : null}
      {tagState.status === 'unknown' ? (
        <Banner tone="info" title={`Could not check whether ${target.tag} exists`}>
          {`${tagState.message} The push may still work; if the tag exists, it is moved.`}
        </Banner>
      ) : null}
      {account && short !== undefined ? (
        <Banner
          tone="warning"
          title={`The token of ${account.registry} ${short > 0 ? `expires in ${formatEta(short).replace(/ left$/, '')}` : 'has expired'}`}
          actions={
            <Button small onPress={() => void renew(account.id)}>
              Renew now
            </Button>
          }
        >
          {`At 20 MB/s this push takes about ${formatEta(estimatedSeconds(facts?.ok ? facts.size : 0)).replace(/ left$/, '')}. Sifport mints a new token when one runs out if the provider's CLI can; renewing first is safer.`}
        </Banner>
      ) : null}
      {facts?.ok && facts.encrypted ? (
        <Banner tone="info" title="Encrypted image">
          The SIF is pushed as it is; whoever pulls it needs the key to run it.
        </Banner>
      ) : null}
    </div>
  );
}
