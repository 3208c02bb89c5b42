import { AlertTriangle, CheckCircle2, CircleDashed, LoaderCircle, XCircle } from 'lucide-react';
import { cx } from '../../ui/cx.js';
import type { AccountStatus, StatusTone } from './account-status.js';

const TONE_TEXT: Readonly<Record<StatusTone, string>> = {
  success: 'text-success',
  warning: 'text-warning',
  danger: 'text-danger',
  muted: 'text-muted',
};

/**
 * The words' colour: "ok" stays muted (green text is too faint on a selected row); the
 * warnings and failures keep their colour.
 */
const WORD_TEXT: Readonly<Record<StatusTone, string>> = { ...TONE_TEXT, success: 'text-muted' };

/** The icon of a status tone (the words beside it say the same, UI.md §5). */
export function StatusIcon({ status, size = 12 }: { status: AccountStatus; size?: number }) {
  const props = { size, 'aria-hidden': true, className: TONE_TEXT[status.tone] } as const;
  if (status.label === 'testing…')
    return <LoaderCircle {...props} className={cx(props.className, 'animate-spin')} />;
  switch (status.tone) {
    case 'success':
      return <CheckCircle2 {...props} />;
    case 'warning':
      return <AlertTriangle {...props} />;
    case 'danger':
      return <XCircle {...props} />;
    case 'muted':
      return <CircleDashed {...props} />;
  }
}

/** An account's status as icon and words ("✓ ok", "⚠ expires in 8 min"). */
export function StatusBadge({ status, className }: { status: AccountStatus; className?: string }) {
  return (
    <span className={cx('inline-flex min-w-0 items-center gap-1 text-sm', className)}>
      <StatusIcon status={status} />
      <span className={cx('truncate', WORD_TEXT[status.tone])}>{status.label}</span>
    </span>
  );
}
