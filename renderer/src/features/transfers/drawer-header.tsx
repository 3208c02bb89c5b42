import { SearchField, Input, Button as AriaButton } from 'react-aria-components';
import { Download, Eraser, Search, X } from 'lucide-react';
import { useShallow } from 'zustand/react/shallow';
import { useSifportStore } from '../../store/store.js';
import { IconButton } from '../../ui/button.js';
import { cx } from '../../ui/cx.js';
import { inputClass } from '../../ui/field.js';
import { describeKeys } from '../../ui/keymap.js';
import { IS_MAC } from '../../ui/kbd.js';
import { Tab, TabList } from '../../ui/tabs.js';
import type { TransferTab } from './transfer-counts.js';
import { historyDocument, historyFileName } from './export-history.js';

const TABS: readonly { id: TransferTab; label: string }[] = [
  { id: 'all', label: 'All' },
  { id: 'active', label: 'Active' },
  { id: 'queued', label: 'Queued' },
  { id: 'failed', label: 'Failed' },
  { id: 'done', label: 'Done' },
];

/** Saves the history through the browser's download (Electron asks where to save it). */
function downloadHistory(): void {
  const { transferOrder, transfers } = useSifportStore.getState();
  const jobs = transferOrder.map((id) => transfers[id]!).filter(Boolean);
  const now = Date.now();
  const url = URL.createObjectURL(
    new Blob([historyDocument(jobs, now)], { type: 'application/json' }),
  );
  const link = document.createElement('a');
  link.href = url;
  link.download = historyFileName(now);
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The drawer's header (UI.md S9): tabs with their counts, search, "Slots 2/3" (running against
 * the concurrency setting), Clear finished, Export history, and closing the drawer.
 */
export function DrawerHeader({
  query,
  onQuery,
}: {
  query: string;
  onQuery: (query: string) => void;
}) {
  const { counts, running, slots, clear, toggle } = useSifportStore(
    useShallow((s) => ({
      counts: s.transferCounts,
      running: s.runningTransfers.length,
      slots: s.settings.concurrency,
      clear: s.clearFinishedTransfers,
      toggle: s.toggleFrame,
    })),
  );
  const finished = counts.done + counts.failed;
  return (
    <div className="flex h-9 shrink-0 items-center gap-2 border-b border-line pr-1">
      <TabList label="Transfers by state" className="h-full border-b-0">
        {TABS.map((tab) => (
          <Tab key={tab.id} id={tab.id}>
            {tab.label}
            <span className="rounded bg-surface px-1 text-sm text-muted tabular-nums">
              {counts[tab.id]}
            </span>
          </Tab>
        ))}
      </TabList>
      <div className="flex-1" />
      <SearchField
        aria-label="Search transfers"
        value={query}
        onChange={onQuery}
        className="group relative w-56"
      >
        <Search size={14} aria-hidden className="absolute top-1.5 left-2 text-muted" />
        <Input placeholder="Search transfers" className={cx(inputClass, 'pr-7 pl-7')} />
        <AriaButton
          aria-label="Clear the search"
          className="absolute top-0.5 right-0.5 flex size-6 items-center justify-center rounded text-muted group-data-[empty]:hidden hover:text-text"
        >
          <X size={12} aria-hidden />
        </AriaButton>
      </SearchField>
      <span
        className="px-1 text-sm whitespace-nowrap text-muted tabular-nums"
        title={`${running} of ${slots} transfer slots in use (Settings › Transfers)`}
      >
        Slots {running}/{slots}
      </span>
      <IconButton
        label="Clear finished transfers"
        isDisabled={finished === 0}
        onPress={() => void clear()}
      >
        <Eraser size={16} />
      </IconButton>
      <IconButton
        label="Export history (JSON)"
        isDisabled={counts.all === 0}
        onPress={downloadHistory}
      >
        <Download size={16} />
      </IconButton>
      <IconButton
        label="Hide transfers"
        shortcut={describeKeys('Mod+J', IS_MAC)}
        onPress={() => toggle('drawer', false)}
      >
        <X size={16} />
      </IconButton>
    </div>
  );
}
