import type { ReactNode } from 'react';
import { cx } from './cx.js';

/** The row of a checkbox or a radio: its mark, then its words; dimmed when disabled. */
export const choiceRowClass = 'group flex items-start gap-2 py-0.5 data-[disabled]:opacity-50';

/**
 * The box, dot or track of a checkbox, radio or switch (`className`: its shape and state),
 * with the focus ring they all show on keyboard focus, since the input itself is hidden.
 */
export function ChoiceMark({ className, children }: { className: string; children?: ReactNode }) {
  return (
    <span
      aria-hidden
      className={cx(
        className,
        'group-data-[focus-visible]:outline-2 group-data-[focus-visible]:outline-accent',
      )}
    >
      {children}
    </span>
  );
}

/** A checkbox's or radio's words: its label, and below it an optional hint. */
export function ChoiceText({ label, hint }: { label: ReactNode; hint?: ReactNode }) {
  return (
    <span>
      {label}
      {hint ? <span className="block text-sm text-muted">{hint}</span> : null}
    </span>
  );
}
