import { useSifportStore } from '../../store/store.js';
import { useFormatters } from '../settings/use-formatters.js';
import { percentOf, progressText } from './transfer-text.js';

/**
 * A running or queued row's second line: a thin bar and "1.21 of 3.42 GiB · 38.4 MB/s · 58 s
 * left". The only part of a row that reads the job's progress, so a progress tick re-renders
 * this and nothing around it. A plain `progressbar` element: it changes ten times a second.
 */
export function LiveProgress({
  id,
  queued,
  label,
}: {
  id: string;
  queued: boolean;
  label: string;
}) {
  const progress = useSifportStore((s) => s.transferProgress[id]);
  const { bytes } = useFormatters();
  const text = progress
    ? progressText(progress, bytes)
    : queued
      ? 'waiting for a slot'
      : 'starting…';
  const percent = queued ? 0 : percentOf(progress);
  return (
    <div className="flex items-center gap-3">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent === undefined ? undefined : Math.round(percent)}
        aria-valuetext={text}
        className="h-1.5 w-full max-w-72 overflow-hidden rounded-full bg-line"
      >
        <div
          className={
            percent === undefined ? 'skeleton h-full w-full' : 'h-full rounded-full bg-accent'
          }
          style={percent === undefined ? undefined : { width: `${percent}%` }}
        />
      </div>
      <span className="shrink-0 text-sm text-muted tabular-nums">{text}</span>
    </div>
  );
}
