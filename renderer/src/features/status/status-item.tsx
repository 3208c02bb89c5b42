import type { ReactNode } from 'react';
import { Button as AriaButton, type ButtonProps } from 'react-aria-components';
import { cx } from '../../ui/cx.js';
import { Tip } from '../../ui/tooltip.js';

/**
 * One pressable item of the 24-px status bar: icon and words, a tooltip with the detail (and
 * the shortcut). `label` finishes the sentence for screen readers after the visible words
 * (visually hidden), so the accessible name always contains what is on screen.
 */
export function StatusItem({
  label,
  tip,
  tone = 'muted',
  children,
  className,
  ...props
}: Omit<ButtonProps, 'children' | 'className'> & {
  /** Said after the visible words to screen readers ("…: secrets kept in the OS keyring"). */
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
        {label ? <span className="sr-only">{label}</span> : null}
      </AriaButton>
    </Tip>
  );
}
