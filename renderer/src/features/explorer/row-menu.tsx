import { useCallback, useRef, useState } from 'react';
import { Copy, CopyPlus, Download, Terminal, Trash2 } from 'lucide-react';
import { Popover } from 'react-aria-components';
import { useSifportStore } from '../../store/store.js';
import { copyText } from '../../ui/copy-button.js';
import { MenuList, type MenuEntry } from '../../ui/menu.js';
import type { PaneTarget } from '../shell/view-slice.js';
import { apptainerPull, tagReference } from './tag-reference.js';

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
  const entries: MenuEntry[] = [
    {
      id: 'pull',
      label: 'Pull…',
      icon: <Download size={14} />,
      onAction: () => openDialog({ kind: 'pull', references: [reference] }),
    },
    {
      id: 'copy-ref',
      label: 'Copy reference',
      icon: <Copy size={14} />,
      onAction: () => copy(reference, 'reference'),
    },
    {
      id: 'copy-pull',
      label: 'Copy pull command',
      icon: <Terminal size={14} />,
      onAction: () => copy(apptainerPull(reference), 'pull command'),
    },
    {
      id: 'copy-to',
      label: 'Copy to…',
      icon: <CopyPlus size={14} />,
      onAction: () => openDialog({ kind: 'copy', references: [reference] }),
    },
    {
      id: 'delete',
      label: 'Delete…',
      icon: <Trash2 size={14} />,
      danger: true,
      onAction: () => openDialog({ kind: 'delete', references: [reference] }),
    },
  ];
  // The menu closes before its entry runs (a dialog it opens must not sit behind it).
  const closing = entries.map((e) => ({
    ...e,
    onAction: () => (setTag(undefined), e.onAction?.()),
  }));
  const element = (
    <Popover
      triggerRef={anchor}
      isOpen={tag !== undefined}
      onOpenChange={(isOpen) => (isOpen ? undefined : setTag(undefined))}
      placement="bottom end"
      className="min-w-48 rounded-md border border-line bg-raised p-1 shadow-lg"
    >
      <MenuList entries={closing} label={`Actions for ${tag ?? ''}`} autoFocus="first" />
    </Popover>
  );
  return { element, open };
}
