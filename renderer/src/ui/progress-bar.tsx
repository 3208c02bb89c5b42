import { ProgressBar as AriaProgressBar } from 'react-aria-components';
import { cx } from './cx.js';

/**
 * A thin progress bar with an accessible value text ("1.21 of 3.42 GiB"); without `value`
 * it is indeterminate.
 */
export function ProgressBar({
  label,
  value,
  valueText,
  tone = 'accent',
  className,
}: {
  label: string;
  /** 0–100. */
  value?: number;
  valueText?: string;
  tone?: 'accent' | 'success' | 'danger' | 'muted';
  className?: string;
}) {
  const fill = {
    accent: 'bg-accent',
    success: 'bg-success',
    danger: 'bg-danger',
    muted: 'bg-control',
  }[tone];
  return (
    <AriaProgressBar
      aria-label={label}
      value={value}
      isIndeterminate={value === undefined}
      valueLabel={valueText}
      className={cx('h-1.5 w-full overflow-hidden rounded-full bg-line', className)}
    >
      {({ percentage, isIndeterminate }) => (
        <div
          className={cx('h-full rounded-full', fill, isIndeterminate && 'skeleton w-full')}
          style={isIndeterminate ? undefined : { width: `${percentage ?? 0}%` }}
        />
      )}
    </AriaProgressBar>
  );
}
