import { memo, useEffect, useState, type CSSProperties } from 'react';
import { ArrowDown, ArrowLeftRight, ArrowUp, CheckCircle2, XCircle } from 'lucide-react';
import { useSifportStore } from '../../store/store.js';
import { cx } from '../../ui/cx.js';
import { ProgressBar } from '../../ui/progress-bar.js';
import { shortDigest } from '../../ui/format.js';
import { useFormatters } from '../settings/use-formatters.js';
import { FailureLine } from './failure-line.js';
import { RowActions } from './row-actions.js';
import { percentOf, phaseText, progressText } from './transfer-text.js';

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
  const progress = useSifportStore((s) => s.transferProgress[id]);
  const selected = useSifportStore((s) => s.selectedTransferId === id);
  const focusCount = useSifportStore((s) =>
    s.selectedTransferId === id ? s.transferFocusCount : 0,
  );
  const select = useSifportStore((s) => s.focusTransferRow);
  const { bytes, time } = useFormatters();
  const [flash, setFlash] = useState(false);
  useEffect(() => {
    if (!focusCount) return undefined;
    setFlash(true);
    const timer = setTimeout(() => setFlash(false), FLASH_MS);
    return () => clearTimeout(timer);
  }, [focusCount]);
  if (!job) return null;

  const Icon = KIND_ICONS[job.kind];
  const phase = phaseText(job, progress);
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
        'group absolute inset-x-0 flex h-14 items-center gap-3 border-b border-line px-3 outline-none',
        'focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent',
        selected ? 'bg-selected' : 'hover:bg-hover',
        flash && 'animate-pulse bg-accent-soft motion-reduce:animate-none',
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
              job.state === 'failed'
                ? 'text-danger'
                : job.state === 'done'
                  ? 'text-success'
                  : 'text-muted',
            )}
          >
            {job.state === 'done' ? <CheckCircle2 size={12} aria-hidden /> : null}
            {job.state === 'failed' ? <XCircle size={12} aria-hidden /> : null}
            {phase}
          </span>
        </div>
        {live ? (
          <div className="flex items-center gap-3">
            <ProgressBar
              label={`${KIND_WORDS[job.kind]} progress`}
              value={job.state === 'queued' ? 0 : percentOf(progress)}
              valueText={progress ? progressText(progress, bytes) : phase}
              className="max-w-72"
            />
            <span className="shrink-0 text-sm text-muted tabular-nums">
              {progress
                ? progressText(progress, bytes)
                : job.state === 'queued'
                  ? 'waiting for a slot'
                  : 'starting…'}
            </span>
          </div>
        ) : job.state === 'failed' || job.state === 'interrupted' || job.state === 'cancelled' ? (
          <FailureLine job={job} />
        ) : (
          <div className="flex min-w-0 items-center gap-2 text-sm text-muted">
            {job.result?.digest ? <code>{shortDigest(job.result.digest)}</code> : null}
            {job.endedAt ? <span>{time(job.endedAt)}</span> : null}
            {progress ? <span>{bytes(progress.bytesTotal)}</span> : null}
          </div>
        )}
      </div>
      <RowActions job={job} />
    </div>
  );
});
