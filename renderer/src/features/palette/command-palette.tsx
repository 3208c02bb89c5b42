import { useMemo, useState } from 'react';
import {
  ArrowUpRight,
  Clock,
  Copy,
  Download,
  FolderGit2,
  LayoutGrid,
  Link2,
  Play,
  Plus,
  Search,
  Star,
  UserRound,
  type LucideIcon,
} from 'lucide-react';
import {
  Autocomplete,
  Dialog,
  Header,
  Input,
  Menu,
  MenuItem,
  MenuSection,
  Modal,
  ModalOverlay,
  TextField,
} from 'react-aria-components';
import { useShallow } from 'zustand/react/shallow';
import { useSifportStore } from '../../store/store.js';
import { Kbd } from '../../ui/kbd.js';
import type { DialogProps } from '../shell/view-slice.js';
import { paletteSource, recentReferences, runPaletteAction } from './palette-actions.js';
import { paletteSections, type PaletteIcon, type PaletteItem } from './palette-items.js';

const ICONS: Readonly<Record<PaletteIcon, LucideIcon>> = {
  account: UserRound,
  pinned: Star,
  repository: FolderGit2,
  screen: LayoutGrid,
  command: Play,
  reference: Clock,
  open: ArrowUpRight,
  pull: Download,
  copy: Copy,
  add: Plus,
};

function Entry({ item }: { item: PaletteItem }) {
  const Icon = ICONS[item.icon];
  return (
    <MenuItem
      id={item.id}
      textValue={item.label}
      className="flex h-8 cursor-default items-center gap-2 rounded-md px-2 outline-none comfortable:h-9 data-[focused]:bg-selected"
    >
      <Icon size={15} aria-hidden className="shrink-0 text-muted" />
      <span className="min-w-0 truncate">{item.label}</span>
      {item.detail ? (
        <span className="min-w-0 flex-1 truncate text-sm text-muted">{item.detail}</span>
      ) : (
        <span className="flex-1" />
      )}
      {item.keys ? <Kbd keys={item.keys} /> : null}
    </MenuItem>
  );
}

/**
 * S14 Command palette (Ctrl+K, Ctrl+Shift+P, F1, the toolbar's "Search or run…"): a search
 * field over a menu of Go to, Actions and Recent references; a typed or pasted `oras://`
 * reference offers Open, Pull and Copy to. Arrow keys move, Enter runs, Esc closes and focus
 * goes back where it was (React Aria Autocomplete + Menu in a modal).
 */
export function CommandPalette({ dialog, onClose }: DialogProps<'palette'>) {
  const [query, setQuery] = useState(dialog.query ?? '');
  const { accounts, settings } = useSifportStore(
    useShallow((s) => ({ accounts: s.accounts, settings: s.settings })),
  );
  const references = useSifportStore(useShallow((s) => recentReferences(s)));
  const sections = useMemo(
    () => paletteSections(query, paletteSource({ accounts, settings }, references)),
    [query, accounts, settings, references],
  );
  const choose = (id: string) => {
    const item = sections.flatMap((s) => s.items).find((i) => i.id === id);
    if (!item) return;
    if (item.action.kind === 'fill') {
      setQuery(item.action.query);
      return;
    }
    onClose();
    runPaletteAction(useSifportStore.getState(), item.action);
  };
  return (
    <ModalOverlay
      isOpen
      isDismissable
      onOpenChange={(open) => !open && onClose()}
      className="fixed inset-0 z-40 flex items-start justify-center bg-scrim pt-[12vh]"
    >
      <Modal className="w-[640px] max-w-[calc(100vw-32px)] overflow-hidden rounded-lg border border-line bg-raised shadow-2xl">
        <Dialog aria-label="Command palette" className="flex max-h-[70vh] flex-col outline-none">
          <Autocomplete inputValue={query} onInputChange={setQuery}>
            <TextField
              aria-label="Search or run a command"
              autoFocus
              className="flex items-center gap-2 border-b border-line px-3"
            >
              <Search size={16} aria-hidden className="shrink-0 text-muted" />
              <Input
                onKeyDown={(e) => {
                  // React Aria leaves no entry focused after a paste: Enter then runs the first.
                  // (Its own handler runs first and prevents the default when an entry ran.)
                  if (e.key !== 'Enter' || e.isDefaultPrevented() || !query.trim()) return;
                  const first = sections[0]?.items[0];
                  if (!first) return;
                  e.preventDefault();
                  choose(first.id);
                }}
                placeholder="Go to an account or repository, run a command, or paste oras://…"
                className="h-11 min-w-0 flex-1 bg-transparent text-base text-text outline-none placeholder:text-muted"
              />
            </TextField>
            {/* Arrow keys move through the results from the field; the list itself is also a
                tab stop, so it can be scrolled from the keyboard (axe: scrollable region). */}
            <div
              tabIndex={0}
              className="min-h-0 flex-1 overflow-auto outline-none focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent"
            >
              <Menu
                aria-label="Results"
                onAction={(key) => choose(String(key))}
                className="p-1.5 outline-none"
                renderEmptyState={() => (
                  <div className="px-3 py-6 text-center text-muted">
                    Nothing matches “{query.trim()}”. Try an account, a repository or a command, or
                    paste a reference such as oras://ghcr.io/lab/bwa:0.7.18.
                  </div>
                )}
              >
                {sections.map((section) => (
                  <MenuSection key={section.id} id={section.id} className="mb-1">
                    <Header className="flex items-center gap-1.5 px-2 pt-2 pb-1 text-sm font-semibold text-muted">
                      {section.id === 'reference' ? <Link2 size={13} aria-hidden /> : null}
                      <span className={section.id === 'reference' ? 'truncate font-mono' : ''}>
                        {section.title}
                      </span>
                    </Header>
                    {section.items.map((item) => (
                      <Entry key={item.id} item={item} />
                    ))}
                  </MenuSection>
                ))}
              </Menu>
            </div>
          </Autocomplete>
          <div className="flex gap-4 border-t border-line bg-surface px-3 py-1.5 text-sm text-muted">
            <span>
              <Kbd keys="↑" /> <Kbd keys="↓" /> move
            </span>
            <span>
              <Kbd keys="Enter" /> run
            </span>
            <span>
              <Kbd keys="Esc" /> close
            </span>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
