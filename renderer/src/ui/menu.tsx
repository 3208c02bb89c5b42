import type { ReactNode } from 'react';
import { Menu, MenuItem, MenuTrigger, Popover, Separator } from 'react-aria-components';
import { cx } from './cx.js';

/** One entry of a {@link MenuButton}; `separator` draws a line instead. */
export interface MenuEntry {
  readonly id: string;
  readonly label?: string;
  readonly icon?: ReactNode;
  readonly shortcut?: string;
  readonly danger?: boolean;
  readonly disabled?: boolean;
  readonly separator?: boolean;
  readonly onAction?: () => void;
}

/** A menu opened by `trigger` (a React Aria Button), for "⋮" and context actions. */
export function MenuButton({
  trigger,
  entries,
  label,
  isOpen,
  onOpenChange,
}: {
  trigger: ReactNode;
  entries: readonly MenuEntry[];
  label: string;
  /** Controlled: a context menu (right-click, Shift+F10) opens the same menu. */
  isOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
}) {
  return (
    <MenuTrigger isOpen={isOpen} onOpenChange={onOpenChange}>
      {trigger}
      <Popover
        placement="bottom end"
        className="min-w-48 rounded-md border border-line bg-raised p-1 shadow-lg"
      >
        <MenuList entries={entries} label={label} />
      </Popover>
    </MenuTrigger>
  );
}

/**
 * The entries of a menu as a React Aria `Menu`, for {@link MenuButton} and for menus opened
 * beside an element of their own (a grid row's ⋮, whose popover is the caller's).
 */
export function MenuList({
  entries,
  label,
  autoFocus,
}: {
  entries: readonly MenuEntry[];
  label: string;
  autoFocus?: 'first' | 'last';
}) {
  return (
    <Menu
      aria-label={label}
      autoFocus={autoFocus}
      className="outline-none"
      disabledKeys={entries.filter((e) => e.disabled).map((e) => e.id)}
      onAction={(key) => entries.find((e) => e.id === key)?.onAction?.()}
    >
      {entries.map((entry) =>
        entry.separator ? (
          <Separator key={entry.id} className="my-1 border-t border-line" />
        ) : (
          <MenuItem
            key={entry.id}
            id={entry.id}
            textValue={entry.label}
            className={cx(
              'flex cursor-default items-center gap-2 rounded px-2 py-1 outline-none data-[focused]:bg-hover',
              'data-[disabled]:opacity-50',
              entry.danger && 'text-danger',
            )}
          >
            <span aria-hidden className="flex w-4 justify-center">
              {entry.icon}
            </span>
            <span className="flex-1">{entry.label}</span>
            {entry.shortcut ? <kbd className="text-sm text-muted">{entry.shortcut}</kbd> : null}
          </MenuItem>
        ),
      )}
    </Menu>
  );
}
