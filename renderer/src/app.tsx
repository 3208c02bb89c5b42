import { useEffect } from 'react';
import { api } from './api.js';
import { AccountsPanel } from './features/accounts/accounts-panel.js';
import { TagsExplorer } from './features/explorer/tags-explorer.js';
import { PushPanel } from './features/push/push-panel.js';
import { TransferList } from './features/transfers/transfer-list.js';
import { useSifportStore } from './store/store.js';

/** Feeds the host's events into the store from outside React's render (STYLE §14). */
function useHostEvents(): void {
  useEffect(() => {
    const host = api();
    if (!host) return undefined;
    const store = useSifportStore.getState();
    const offProgress = host.on('transfer:progress', (e) => store.progressed(e));
    const offFinished = host.on('transfer:changed', (e) => store.jobChanged(e.job));
    const offAccounts = host.on('accounts:changed', () => void store.loadAccounts());
    return () => {
      offProgress();
      offFinished();
      offAccounts();
    };
  }, []);
}

/** The window: accounts, push a `.sif`, list a repository's tags, follow the transfers. */
export function App() {
  useHostEvents();
  return (
    <main>
      <h1>Sifport</h1>
      {api() ? null : <p role="status">Not connected to a Sifport host.</p>}
      <PushPanel />
      <TagsExplorer />
      <TransferList />
      <AccountsPanel />
    </main>
  );
}
