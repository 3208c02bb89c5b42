import { MoreVertical } from 'lucide-react';
import type { MouseEvent } from 'react';
import { useSifportStore, type SifportState } from '../../store/store.js';
import { IconButton } from '../../ui/button.js';
import { cx } from '../../ui/cx.js';
import { MenuButton, type MenuEntry } from '../../ui/menu.js';
import type { PaneTarget } from '../shell/view-slice.js';
import { repositoryMenuEntries } from './account-actions.js';
import { REPOSITORY_MENU_ICONS } from './menu-icons.js';

/**
 * A row's "⋮" menu, also opened by right-click and Shift+F10 on the row (`open` is the
 * row's). Its entries are built from the store when it opens, so they are current without
 * the row re-rendering on every change.
 */
export function RowMenu({
  label,
  open,
  onOpenChange,
  entries,
  className,
  inTabOrder = false,
}: {
  label: string;
  /** Rows keep one tab stop (the row); a menu on its own (a page header) takes Tab. */
  inTabOrder?: boolean;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  entries: (state: SifportState) => MenuEntry[];
  className?: string;
}) {
  return (
    <MenuButton
      label={label}
      isOpen={open}
      onOpenChange={onOpenChange}
      entries={open ? entries(useSifportStore.getState()) : []}
      trigger={
        <IconButton
          label={label}
          className={cx('h-6 min-w-6', !open && className)}
          excludeFromTabOrder={!inTabOrder}
        >
          <MoreVertical size={14} />
        </IconButton>
      }
    />
  );
}

/** The row's `onContextMenu`: opens its menu instead of the browser's. */
export function contextMenuOpener(setOpen: (open: boolean) => void) {
  return (event: MouseEvent): void => {
    event.preventDefault();
    event.stopPropagation();
    setOpen(true);
  };
}

/** The menu of a repository row (sidebar tree, account page grid). */
export function RepositoryMenu({
  target,
  open,
  onOpenChange,
  className,
}: {
  target: PaneTarget;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  className?: string;
}) {
  return (
    <RowMenu
      label={`Actions for ${target.repository}`}
      open={open}
      onOpenChange={onOpenChange}
      entries={(state) => repositoryMenuEntries(state, target, REPOSITORY_MENU_ICONS)}
      className={className}
    />
  );
}
