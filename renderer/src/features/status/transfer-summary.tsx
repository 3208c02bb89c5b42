import { ArrowDown, ArrowUp, ArrowUpDown, XCircle } from 'lucide-react';
import { useSifportStore } from '../../store/store.js';
import { formatEta, formatRate } from '../../ui/format.js';
import { describeKeys } from '../../ui/keymap.js';
import { IS_MAC } from '../../ui/kbd.js';
import { useTransferAggregate } from '../transfers/use-aggregate.js';
import { StatusItem } from './status-item.js';

/**
 * The status bar's transfer aggregate (UI.md S10): "↑2 ↓1 52 MB/s 4 min" while transfers
 * run, the failures otherwise; pressing it shows or hides the drawer (Ctrl+J).
 */
export function TransferSummary() {
  const aggregate = useTransferAggregate();
  const failed = useSifportStore((s) => s.transferCounts.failed);
  const open = useSifportStore((s) => s.frame.drawer);
  const toggle = useSifportStore((s) => s.toggleFrame);
  const keys = describeKeys('Mod+J', IS_MAC);
  const { up, down, queued, rate, etaSeconds } = aggregate;
  const eta = formatEta(etaSeconds).replace(/ left$/, '');
  const active = up + down > 0;
  const sentence = active
    ? `${up} uploading, ${down} downloading, ${queued} queued, ${formatRate(rate)}, ${eta} left.`
    : failed
      ? `${failed} transfer${failed === 1 ? '' : 's'} failed or interrupted.`
      : 'No transfer running.';
  return (
    <StatusItem
      label={`${sentence} ${open ? 'Hide' : 'Show'} transfers.`}
      tip={`${open ? 'Hide' : 'Show'} transfers (${keys})`}
      tone={!active && failed ? 'danger' : 'muted'}
      aria-expanded={open}
      onPress={() => toggle('drawer')}
      className="tabular-nums"
    >
      {active ? (
        <>
          <ArrowUp size={12} aria-hidden />
          {up}
          <ArrowDown size={12} aria-hidden />
          {down}
          <span className="ml-1">{formatRate(rate)}</span>
          <span className="ml-1">{eta}</span>
        </>
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
