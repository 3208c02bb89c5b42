import { useMemo, useState } from 'react';
import { ArrowUpFromLine } from 'lucide-react';
import { useShallow } from 'zustand/react/shallow';
import { useSifportStore } from '../../store/store.js';
import { Button } from '../../ui/button.js';
import { TabPanel, Tabs } from '../../ui/tabs.js';
import { DrawerHeader } from './drawer-header.js';
import { filterTransfers, type TransferTab } from './transfer-counts.js';
import { TransferList } from './transfer-list.js';

const TAB_WORDS: Readonly<Record<TransferTab, string>> = {
  all: 'transfers',
  active: 'running transfers',
  queued: 'queued transfers',
  failed: 'failed or interrupted transfers',
  done: 'finished transfers',
};

/** What the drawer says when its tab or search shows nothing, and what to do about it. */
function EmptyDrawer({
  tab,
  query,
  onClear,
}: {
  tab: TransferTab;
  query: string;
  onClear: () => void;
}) {
  const requestPush = useSifportStore((s) => s.requestPush);
  const none = useSifportStore((s) => s.transferCounts.all === 0);
  if (none) {
    return (
      <div className="flex flex-1 flex-col items-center justify-center gap-3 text-muted">
        <p className="m-0">No transfers yet. Drop a .sif anywhere.</p>
        <Button onPress={() => requestPush()}>
          <ArrowUpFromLine size={14} aria-hidden />
          Push a SIF…
        </Button>
      </div>
    );
  }
  return (
    <div className="flex flex-1 flex-col items-center justify-center gap-3 text-muted">
      <p className="m-0">
        {query ? `No ${TAB_WORDS[tab]} match “${query}”.` : `No ${TAB_WORDS[tab]} right now.`}
      </p>
      {query || tab !== 'all' ? <Button onPress={onClear}>Show all transfers</Button> : null}
    </div>
  );
}

/**
 * S9: the transfers drawer, docked under the main area so it survives navigation (Ctrl+J).
 * Tabs by state with counts, search, the rows, and the history's housekeeping.
 */
export function TransfersDrawer(_props: { height: number }) {
  const [tab, setTab] = useState<TransferTab>('all');
  const [query, setQuery] = useState('');
  const { order, transfers, selected, focusCount } = useSifportStore(
    useShallow((s) => ({
      order: s.transferOrder,
      transfers: s.transfers,
      selected: s.selectedTransferId,
      focusCount: s.transferFocusCount,
    })),
  );
  const ids = useMemo(
    () => filterTransfers(order, transfers, tab, query),
    [order, transfers, tab, query],
  );
  // A row asked for from elsewhere is shown even when the tab or search hid it (state
  // adjusted while rendering, as React advises for state derived from a change).
  const [handled, setHandled] = useState(focusCount);
  if (focusCount !== handled) {
    setHandled(focusCount);
    if (selected && !ids.includes(selected)) {
      setTab('all');
      setQuery('');
    }
  }
  const clear = () => {
    setTab('all');
    setQuery('');
  };

  return (
    <section
      data-landmark
      aria-label="Transfers"
      className="flex min-h-0 flex-1 flex-col border-t border-line"
    >
      <Tabs
        selectedKey={tab}
        onSelectionChange={(key) => setTab(key as TransferTab)}
        className="flex min-h-0 flex-1 flex-col"
      >
        <DrawerHeader query={query} onQuery={setQuery} />
        <TabPanel id={tab} className="flex min-h-0 flex-1 flex-col">
          {ids.length ? (
            <TransferList ids={ids} label={TAB_WORDS[tab]} />
          ) : (
            <EmptyDrawer tab={tab} query={query} onClear={clear} />
          )}
        </TabPanel>
      </Tabs>
    </section>
  );
}
