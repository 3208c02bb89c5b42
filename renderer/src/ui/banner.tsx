import type { ReactNode } from 'react';
import { AlertTriangle, CheckCircle2, Info, XCircle } from 'lucide-react';
import { cx } from './cx.js';

/** The tone of a banner; the icon says it too, so colour is never the only signal. */
export type Tone = 'info' | 'success' | 'warning' | 'danger';

const TONES: Readonly<Record<Tone, { box: string; icon: ReactNode }>> = {
  info: {
    box: 'border-accent/40 bg-accent-soft',
    icon: <Info size={16} className="text-accent" />,
  },
  success: {
    box: 'border-success/40 bg-success-soft',
    icon: <CheckCircle2 size={16} className="text-success" />,
  },
  warning: {
    box: 'border-warning/40 bg-warning-soft',
    icon: <AlertTriangle size={16} className="text-warning" />,
  },
  danger: {
    box: 'border-danger/40 bg-danger-soft',
    icon: <XCircle size={16} className="text-danger" />,
  },
};

/**
 * A message in the flow of a screen with the action that answers it ("TLS failed → Choose
 * CA file…"). Errors are `role="alert"`, the others `role="status"`.
 */
export function Banner({
  tone,
  title,
  children,
  actions,
  className,
}: {
  tone: Tone;
  title: ReactNode;
  children?: ReactNode;
  actions?: ReactNode;
  className?: string;
}) {
  return (
    <div
      role={tone === 'danger' ? 'alert' : 'status'}
      className={cx('flex gap-2 rounded-md border px-3 py-2', TONES[tone].box, className)}
    >
      <span aria-hidden className="mt-0.5 shrink-0">
        {TONES[tone].icon}
      </span>
      <div className="min-w-0 flex-1">
        <div className="font-medium break-words">{title}</div>
        {children ? <div className="mt-0.5 break-words text-text">{children}</div> : null}
        {actions ? <div className="mt-2 flex flex-wrap gap-2">{actions}</div> : null}
      </div>
    </div>
  );
}
