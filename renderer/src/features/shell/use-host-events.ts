import { useEffect } from 'react';
import type { SifportApi } from '../../../../shared/contract.js';
import { useSifportStore } from '../../store/store.js';
import { runBoundCommand } from './commands.js';

/**
 * Feeds the host's events into the store from outside React's render (STYLE §14) and loads
 * what every screen needs at start: settings, accounts, providers, transfers.
 */
export function useHostEvents(host: SifportApi | undefined): void {
  useEffect(() => {
    if (!host) return undefined;
    const store = useSifportStore.getState();
    void store.loadSettings();
    void store.loadAccounts();
    void store.loadProviders();
    void store.loadTransfers();
    const offs = [
      host.on('transfer:progress', (e) => useSifportStore.getState().progressed(e)),
      host.on('transfer:changed', (e) => useSifportStore.getState().jobChanged(e.job)),
      host.on('transfer:finished', (e) => useSifportStore.getState().jobFinished(e.job)),
      host.on('transfer:select', (e) => useSifportStore.getState().selectTransfer(e.jobId)),
      host.on('accounts:changed', () => void useSifportStore.getState().loadAccounts()),
      host.on('settings:changed', (e) => useSifportStore.getState().settingsChanged(e.settings)),
      host.on('app:command', (e) => runBoundCommand(useSifportStore.getState(), e.command)),
      host.on('app:open-files', (e) =>
        useSifportStore
          .getState()
          .offerFiles(
            e.paths.map((path) => ({ name: path.split(/[\\/]/).pop() ?? path, size: -1, path })),
          ),
      ),
    ];
    return () => offs.forEach((off) => off());
  }, [host]);
}
