import type { ReactNode } from 'react';
import { Button as AriaButton, type ButtonProps } from 'react-aria-components';
import { cx } from '../../ui/cx.js';
import { Tip } from '../../ui/tooltip.js';

/**
 * One pressable item of the 24-px status bar: icon and words, a tooltip with the detail (and
 * the shortcut), the full sentence as its accessible name.
 */
export function StatusItem({
  label,
  tip,
  tone = 'muted',
  children,
  className,
  ...props
}: Omit<ButtonProps, 'children' | 'className'> & {
  /** The accessible name: the whole sentence ("Secrets are kept in the OS keyring…"). */
  label: string;
  tip: string;
  tone?: 'muted' | 'warning' | 'danger' | 'accent';
  children: ReactNode;
  className?: string;
}) {
  return (
    <Tip text={tip}>
      <AriaButton
        {...props}
        aria-label={label}
        className={cx(
          'flex h-6 items-center gap-1 rounded px-1.5 whitespace-nowrap outline-none',
          'hover:bg-hover focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent',
          {
            muted: 'text-muted',
            warning: 'text-warning',
            danger: 'text-danger',
            accent: 'text-accent',
          }[tone],
          className,
        )}
      >
        {children}
      </AriaButton>
    </Tip>
  );
}
