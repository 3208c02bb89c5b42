import { useVirtualizer } from '@tanstack/react-virtual';
import { Star } from 'lucide-react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useSifportStore } from '../../store/store.js';
import type { AccountItem } from '../../store/domain.js';
import { cx } from '../../ui/cx.js';
import { pushTargetAttribute, type PaneTarget } from '../shell/view-slice.js';
import { contextMenuOpener, RepositoryMenu } from './row-menu.js';

/** One repository row; re-renders only when its own pin or menu changes. */
function RepositoryRow({
  target,
  index,
  top,
  height,
  focused,
  onFocus,
}: {
  target: PaneTarget;
  index: number;
  top: number;
  height: number;
  focused: boolean;
  onFocus: () => void;
}) {
  const [menu, setMenu] = useState(false);
  const { pinned, openRepository, togglePin } = useSifportStore(
    useShallow((s) => ({
      pinned: s.settings.pinnedRepositories[target.accountId]?.includes(target.repository) ?? false,
      openRepository: s.openRepository,
      togglePin: s.togglePin,
    })),
  );
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      data-index={index}
      data-push-target={pushTargetAttribute(target)}
      tabIndex={focused ? 0 : -1}
      onFocus={onFocus}
      onClick={() => openRepository(target)}
      onContextMenu={contextMenuOpener(setMenu)}
      style={{ transform: `translateY(${top}px)`, height }}
      className="group absolute inset-x-0 top-0 flex cursor-default items-center border-b border-line px-3 outline-none hover:bg-hover focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent"
    >
      <span role="rowheader" className="min-w-0 flex-1 truncate font-mono">
        {target.repository}
      </span>
      <span role="gridcell" className="flex w-16 items-center justify-end gap-1">
        <button
          type="button"
          tabIndex={-1}
          aria-label={`Pin ${target.repository}`}
          aria-pressed={pinned}
          title={pinned ? 'Unpin from the sidebar (Space)' : 'Pin to the sidebar (Space)'}
          onClick={(event) => {
            event.stopPropagation();
            togglePin(target.accountId, target.repository);
          }}
          className={cx(
            'flex size-6 items-center justify-center rounded hover:bg-selected',
            pinned
              ? 'text-warning'
              : 'text-muted opacity-0 group-hover:opacity-100 group-focus-visible:opacity-100',
          )}
        >
          <Star size={14} aria-hidden fill={pinned ? 'currentColor' : 'none'} />
        </button>
        <RepositoryMenu
          target={target}
          open={menu}
          onOpenChange={setMenu}
          className="opacity-0 group-hover:opacity-100 group-focus-visible:opacity-100"
        />
      </span>
    </div>
  );
}

/** Keys that move the focused row, and how far. */
function moveBy(key: string, page: number): number | 'start' | 'end' | undefined {
  switch (key) {
    case 'ArrowDown':
      return 1;
    case 'ArrowUp':
      return -1;
    case 'PageDown':
      return page;
    case 'PageUp':
      return -page;
    case 'Home':
      return 'start';
    case 'End':
      return 'end';
    default:
      return undefined;
  }
}

/**
 * The account page's repository list (UI.md S4): a virtual ARIA grid (only visible rows are
 * drawn, so 10,000 repositories scroll as smoothly as 10) with one roving tab stop. Arrows,
 * Page Up/Down, Home/End move; Enter opens in the explorer; Space pins; Shift+F10 opens the
 * row's menu.
 */
export function RepositoryGrid({
  account,
  repositories,
  label,
}: {
  account: AccountItem;
  repositories: readonly string[];
  label: string;
}) {
  const comfortable = useSifportStore((s) => s.settings.density === 'comfortable');
  const openRepository = useSifportStore((s) => s.openRepository);
  const togglePin = useSifportStore((s) => s.togglePin);
  const rowHeight = comfortable ? 36 : 28;
  const scroller = useRef<HTMLDivElement>(null);
  const [focused, setFocused] = useState(0);
  const moved = useRef(false);
  // The window does not use the React Compiler; the virtualizer re-renders the grid itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: repositories.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const current = Math.min(focused, Math.max(0, repositories.length - 1));

  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    scroller.current?.querySelector<HTMLElement>(`[data-index="${current}"]`)?.focus();
  });

  const target = (i: number): PaneTarget => ({
    accountId: account.id,
    registry: account.registry,
    repository: repositories[i]!,
  });
  const onKeyDown = (event: KeyboardEvent) => {
    // Keys typed in a row's menu (a portal) bubble here through React: not the grid's.
    if (repositories.length === 0 || !event.currentTarget.contains(event.target as Node)) return;
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 280) / rowHeight) - 1);
    const step = moveBy(event.key, page);
    if (step !== undefined) {
      event.preventDefault();
      const last = repositories.length - 1;
      const next =
        step === 'start' ? 0 : step === 'end' ? last : Math.min(last, Math.max(0, current + step));
      moved.current = true;
      setFocused(next);
      virtualizer.scrollToIndex(next);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      openRepository(target(current));
    } else if (event.key === ' ') {
      event.preventDefault();
      togglePin(account.id, repositories[current]!);
    }
  };
  return (
    <div
      role="grid"
      aria-label={label}
      aria-rowcount={repositories.length + 1}
      aria-colcount={2}
      onKeyDown={onKeyDown}
      className="flex min-h-0 flex-1 flex-col"
    >
      <div
        role="row"
        aria-rowindex={1}
        className="flex h-7 shrink-0 items-center border-b border-line bg-surface px-3 text-sm font-medium text-muted"
      >
        <span role="columnheader" className="flex-1">
          Repository
        </span>
        <span role="columnheader" className="w-16 text-right">
          <span aria-hidden>★</span>
          <span className="sr-only">Pinned</span>
        </span>
      </div>
      <div ref={scroller} className="min-h-0 flex-1 overflow-auto">
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize() }} className="relative">
          {virtualizer.getVirtualItems().map((item) => (
            <RepositoryRow
              key={item.key}
              target={target(item.index)}
              index={item.index}
              top={item.start}
              height={item.size}
              focused={item.index === current}
              onFocus={() => setFocused(item.index)}
            />
          ))}
        </div>
      </div>
    </div>
  );
}
