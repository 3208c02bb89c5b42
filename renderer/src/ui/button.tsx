import type { ReactNode } from 'react';
import { Button as AriaButton, type ButtonProps as AriaButtonProps } from 'react-aria-components';
import { cx } from './cx.js';
import { Tip } from './tooltip.js';

/** How a button looks: one primary action per view, danger for what cannot be undone. */
export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';

const VARIANTS: Readonly<Record<ButtonVariant, string>> = {
  primary: 'bg-accent text-on-accent border-accent hover:brightness-110 pressed:brightness-95',
  secondary: 'bg-raised text-text border-control hover:bg-hover pressed:bg-selected',
  ghost: 'bg-transparent text-text border-transparent hover:bg-hover pressed:bg-selected',
  danger: 'bg-danger text-on-accent border-danger hover:brightness-110 pressed:brightness-95',
};

/** The classes of a button, for links and triggers that must look like one. */
export function buttonClass(variant: ButtonVariant = 'secondary', small = false): string {
  return cx(
    'inline-flex items-center justify-center gap-1.5 rounded-md border font-medium whitespace-nowrap select-none',
    'outline-none focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-accent',
    'disabled:opacity-50 disabled:cursor-not-allowed cursor-default transition-[filter,background-color]',
    small ? 'h-6 px-2 text-sm' : 'h-7 px-3 text-base',
    VARIANTS[variant],
  );
}

/** A labelled button (React Aria: press, keyboard and focus handled alike everywhere). */
export function Button({
  variant = 'secondary',
  small = false,
  className,
  ...props
}: AriaButtonProps & { variant?: ButtonVariant; small?: boolean; className?: string }) {
  return <AriaButton {...props} className={cx(buttonClass(variant, small), className)} />;
}

/**
 * An icon-only button: its `label` is the accessible name and the tooltip, which also names
 * the shortcut when there is one (UI.md §5).
 */
export function IconButton({
  label,
  shortcut,
  children,
  className,
  ...props
}: Omit<AriaButtonProps, 'children' | 'className'> & {
  label: string;
  shortcut?: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <Tip text={shortcut ? `${label} (${shortcut})` : label}>
      <AriaButton
        {...props}
        aria-label={label}
        className={cx(
          'inline-flex h-7 min-w-7 items-center justify-center gap-1 rounded-md px-1 text-muted',
          'outline-none hover:bg-hover hover:text-text pressed:bg-selected focus-visible:outline-2',
          'focus-visible:outline-accent disabled:opacity-40',
          className,
        )}
      >
        {children}
      </AriaButton>
    </Tip>
  );
}
