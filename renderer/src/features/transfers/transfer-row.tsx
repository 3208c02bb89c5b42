import { memo, useEffect, useState, type CSSProperties } from 'react';
import { ArrowDown, ArrowLeftRight, ArrowUp, CheckCircle2, XCircle } from 'lucide-react';
import { useSifportStore } from '../../store/store.js';
import { cx } from '../../ui/cx.js';
import { shortDigest } from '../../ui/format.js';
import { useFormatters } from '../settings/use-formatters.js';
import { FailureLine } from './failure-line.js';
import { RowActions } from './row-actions.js';
import { LiveProgress } from './live-progress.js';
import { phaseText } from './transfer-text.js';

const KIND_ICONS = { push: ArrowUp, pull: ArrowDown, copy: ArrowLeftRight } as const;
const KIND_WORDS = { push: 'Push', pull: 'Pull', copy: 'Copy' } as const;

/** How long a row asked for (a new push, a notice click) stays highlighted, in ms. */
const FLASH_MS = 2500;

/**
 * One transfer of the drawer (UI.md S9), 56 px: direction, label, phase and actions on the
 * first line; progress with bytes, speed and time left, the failure with its one action, or
 * what a finished job produced on the second. It reads its own job and progress from the
 * store, so a progress tick re-renders this row only.
 */
export const TransferRow = memo(function TransferRow({
  id,
  index,
  count,
  tabStop,
  style,
}: {
  id: string;
  index: number;
  count: number;
  /** The list's one tab stop (roving focus): the selected row, else the first. */
  tabStop: boolean;
  style: CSSProperties;
}) {
  const job = useSifportStore((s) => s.transfers[id]);
  // The phase only (it changes a few times per job), not the progress that ticks.
  const phaseOf = useSifportStore((s) => s.transferProgress[id]?.phase);
  const selected = useSifportStore((s) => s.selectedTransferId === id);
  const focusCount = useSifportStore((s) =>
    s.selectedTransferId === id ? s.transferFocusCount : 0,
  );
  const select = useSifportStore((s) => s.focusTransferRow);
  const { bytes, time } = useFormatters();
  const progressTotal = useSifportStore((s) =>
    s.transfers[id]?.state === 'done' ? s.transferProgress[id]?.bytesTotal : undefined,
  );
  // The request (its count) being shown; the bar goes when the time is up or the row is no
  // longer the one asked for, whichever comes first.
  const [flashed, setFlashed] = useState(0);
  useEffect(() => {
    if (!focusCount) return undefined;
    setFlashed(focusCount);
    const timer = setTimeout(() => setFlashed(0), FLASH_MS);
    return () => clearTimeout(timer);
  }, [focusCount]);
  const flash = flashed !== 0 && flashed === focusCount;
  if (!job) return null;

  const Icon = KIND_ICONS[job.kind];
  const phase = phaseText(job, phaseOf);
  const live = job.state === 'running' || job.state === 'queued';
  return (
    <div
      role="listitem"
      aria-posinset={index + 1}
      aria-setsize={count}
      aria-current={selected ? 'true' : undefined}
      aria-label={`${KIND_WORDS[job.kind]} ${job.label}: ${phase}`}
      data-job-id={id}
      tabIndex={tabStop ? 0 : -1}
      onFocus={(e) => e.target === e.currentTarget && !selected && select(id)}
      onClick={() => select(id)}
      style={style}
      className={cx(
        'group absolute inset-x-0 flex h-14 [contain:strict] items-center gap-3 border-b border-line px-3 outline-none',
        'focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent',
        selected ? 'bg-selected' : 'hover:bg-hover',
        // A row asked for (a new push, a notice) shows an accent bar for a moment.
        flash && 'shadow-[inset_3px_0_0_var(--color-accent)]',
      )}
    >
      <Icon size={16} aria-hidden className="shrink-0 text-muted" />
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <div className="flex min-w-0 items-center gap-2">
          <span className="min-w-0 flex-1 truncate font-medium" title={job.label}>
            {job.label}
          </span>
          <span
            className={cx(
              'flex shrink-0 items-center gap-1 text-sm',
              job.state === 'failed' ? 'text-danger' : 'text-muted',
            )}
          >
            {/* Green on the icon only: green text is too faint on a hovered or selected row. */}
            {job.state === 'done' ? (
              <CheckCircle2 size={12} aria-hidden className="text-success" />
            ) : null}
            {job.state === 'failed' ? <XCircle size={12} aria-hidden /> : null}
            {phase}
          </span>
        </div>
        {live ? (
          <LiveProgress
            id={id}
            queued={job.state === 'queued'}
            label={`${KIND_WORDS[job.kind]} progress`}
          />
        ) : job.state === 'failed' || job.state === 'interrupted' || job.state === 'cancelled' ? (
          <FailureLine job={job} />
        ) : (
          <div className="flex min-w-0 items-center gap-2 text-sm text-muted">
            {job.result?.digest ? <code>{shortDigest(job.result.digest)}</code> : null}
            {job.endedAt ? <span>{time(job.endedAt)}</span> : null}
            {progressTotal !== undefined ? <span>{bytes(progressTotal)}</span> : null}
          </div>
        )}
      </div>
      <RowActions job={job} />
    </div>
  );
});
