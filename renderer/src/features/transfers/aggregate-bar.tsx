import { useSifportStore } from '../../store/store.js';
import { formatEta } from '../../ui/format.js';
import { useTransferAggregate } from './use-aggregate.js';

/**
 * The collapsed drawer's 3-px bar above the status bar (UI.md S9): all running transfers as
 * one fraction. Absent when nothing runs or the drawer is open.
 */
export function AggregateBar() {
  const drawer = useSifportStore((s) => s.frame.drawer);
  const { up, down, bytesDone, bytesTotal, etaSeconds } = useTransferAggregate();
  if (drawer || up + down === 0) return null;
  const percent = bytesTotal > 0 ? Math.min(100, (bytesDone / bytesTotal) * 100) : 0;
  return (
    <div
      role="progressbar"
      aria-label="All running transfers"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(percent)}
      aria-valuetext={`${Math.round(percent)}%, ${formatEta(etaSeconds)}`}
      className="h-[3px] shrink-0 bg-line"
    >
      <div className="h-full bg-accent transition-[width]" style={{ width: `${percent}%` }} />
    </div>
  );
}
