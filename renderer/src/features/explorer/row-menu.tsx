import type { ReactNode } from 'react';
import { useCallback, useRef, useState } from 'react';
import { Copy, CopyPlus, Download, Terminal, Trash2 } from 'lucide-react';
import { Menu, MenuItem, Popover } from 'react-aria-components';
import { useSifportStore } from '../../store/store.js';
import { copyText } from '../../ui/copy-button.js';
import { cx } from '../../ui/cx.js';
import type { PaneTarget } from '../shell/view-slice.js';
import { apptainerPull, tagReference } from './tag-reference.js';

interface Entry {
  readonly id: string;
  readonly label: string;
  readonly icon: ReactNode;
  readonly danger?: boolean;
  run(): void;
}

/**
 * The ⋮ menu of a row (UI.md S5): one menu per pane, opened beside the row's button, so
 * rows stay plain DOM. Returns the element and the function that opens it.
 */
export function useRowMenu(target: PaneTarget) {
  const anchor = useRef<HTMLElement | null>(null);
  const [tag, setTag] = useState<string | undefined>(undefined);
  const { openDialog, announce } = useSifportStore.getState();
  const open = useCallback((next: string, element: HTMLElement) => {
    anchor.current = element;
    setTag(next);
  }, []);
  const reference = tag === undefined ? '' : tagReference(target, tag);
  const copy = (text: string, what: string) =>
    void copyText(text).then((ok) =>
      announce(ok ? `Copied ${what}.` : `The clipboard refused the ${what}.`),
    );
  const entries: Entry[] = [
    {
      id: 'pull',
      label: 'Pull…',
      icon: <Download size={14} />,
      run: () => openDialog({ kind: 'pull', references: [reference] }),
    },
    {
      id: 'copy-ref',
      label: 'Copy reference',
      icon: <Copy size={14} />,
      run: () => copy(reference, 'reference'),
    },
    {
      id: 'copy-pull',
      label: 'Copy pull command',
      icon: <Terminal size={14} />,
      run: () => copy(apptainerPull(reference), 'pull command'),
    },
    {
      id: 'copy-to',
      label: 'Copy to…',
      icon: <CopyPlus size={14} />,
      run: () => openDialog({ kind: 'copy', references: [reference] }),
    },
    {
      id: 'delete',
      label: 'Delete…',
      icon: <Trash2 size={14} />,
      danger: true,
      run: () => openDialog({ kind: 'delete', references: [reference] }),
    },
  ];
  const element = (
    <Popover
      triggerRef={anchor}
      isOpen={tag !== undefined}
      onOpenChange={(isOpen) => (isOpen ? undefined : setTag(undefined))}
      placement="bottom end"
      className="min-w-48 rounded-md border border-line bg-raised p-1 shadow-lg"
    >
      <Menu
        aria-label={`Actions for ${tag ?? ''}`}
        autoFocus="first"
        className="outline-none"
        onAction={(key) => {
          setTag(undefined);
          entries.find((e) => e.id === key)?.run();
        }}
      >
        {entries.map((entry) => (
          <MenuItem
            key={entry.id}
            id={entry.id}
            textValue={entry.label}
            className={cx(
              'flex cursor-default items-center gap-2 rounded px-2 py-1 outline-none data-[focused]:bg-hover',
              entry.danger && 'text-danger',
            )}
          >
            <span aria-hidden className="flex w-4 justify-center">
              {entry.icon}
            </span>
            {entry.label}
          </MenuItem>
        ))}
      </Menu>
    </Popover>
  );
  return { element, open };
}
