import { ArrowDown, ArrowUp, ArrowUpDown, XCircle } from 'lucide-react';
import { useSifportStore } from '../../store/store.js';
import { formatEta, formatRate } from '../../ui/format.js';
import { describeKeys } from '../../ui/keymap.js';
import { IS_MAC } from '../../ui/kbd.js';
import { useTransferAggregate } from '../transfers/use-aggregate.js';
import { StatusItem } from './status-item.js';

/** "↑2 ↓1 52 MB/s 4 min": the only part that follows every progress tick. */
function RunningText({ action }: { action: string }) {
  const { up, down, queued, rate, etaSeconds } = useTransferAggregate();
  return (
    <>
      <ArrowUp size={12} aria-hidden />
      <span className="sr-only">Uploading</span>
      {up}
      <ArrowDown size={12} aria-hidden />
      <span className="sr-only">, downloading</span>
      {down}
      <span className="ml-1">{formatRate(rate)}</span>
      <span className="ml-1">{formatEta(etaSeconds).replace(/ left$/, '')}</span>
      <span className="sr-only">{` left, ${queued} queued. ${action}`}</span>
    </>
  );
}

/**
 * The status bar's transfer aggregate (UI.md S10): "↑2 ↓1 52 MB/s 4 min" while transfers
 * run, the failures otherwise; pressing it shows or hides the drawer (Ctrl+J).
 */
export function TransferSummary() {
  const active = useSifportStore((s) => s.runningTransfers.length > 0);
  const failed = useSifportStore((s) => s.transferCounts.failed);
  const open = useSifportStore((s) => s.frame.drawer);
  const toggle = useSifportStore((s) => s.toggleFrame);
  const action = `${open ? 'Hide' : 'Show'} transfers.`;
  return (
    <StatusItem
      label={active ? '' : failed ? ` or interrupted. ${action}` : `: none running. ${action}`}
      tip={`${open ? 'Hide' : 'Show'} transfers (${describeKeys('Mod+J', IS_MAC)})`}
      tone={!active && failed ? 'danger' : 'muted'}
      aria-expanded={open}
      onPress={() => toggle('drawer')}
      className="tabular-nums"
    >
      {active ? (
        <RunningText action={action} />
      ) : failed ? (
        <>
          <XCircle size={12} aria-hidden />
          {failed} failed
        </>
      ) : (
        <>
          <ArrowUpDown size={12} aria-hidden />
          Transfers
        </>
      )}
    </StatusItem>
  );
}
