import { useEffect, useSyncExternalStore } from 'react';
import { WifiOff } from 'lucide-react';
import { useSifportStore } from '../../store/store.js';
import { AggregateBar } from '../transfers/aggregate-bar.js';
import { NoticeBell } from './notice-bell.js';
import { StorageBadge } from './storage-badge.js';
import { TokenWarning } from './token-warning.js';
import { TransferSummary } from './transfer-summary.js';

const subscribeOnline = (onChange: () => void) => {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
};

/** "Offline" when the system has no network, or the window lost its host. */
function OfflineBadge() {
  const online = useSyncExternalStore(subscribeOnline, () => navigator.onLine);
  const host = useSifportStore((s) => s.hostStatus);
  if (online && host === 'ready') return null;
  const text = host !== 'ready' ? 'Not connected to Sifport' : 'Offline';
  return (
    <span role="status" className="flex items-center gap-1 px-1.5 text-warning">
      <WifiOff size={12} aria-hidden />
      {text}
    </span>
  );
}

/** The version the host reports (`app:info`), loaded once when the window starts. */
function Version() {
  const info = useSifportStore((s) => s.appInfo);
  const load = useSifportStore((s) => s.loadAppInfo);
  useEffect(() => {
    if (!useSifportStore.getState().appInfo) void load();
  }, [load]);
  return info ? (
    <span className="px-1.5 text-muted tabular-nums">Sifport {info.version}</span>
  ) : null;
}

/**
 * S10: the status bar (`contentinfo`, 24 px): secret storage, token warnings and being
 * offline on the left; the transfer aggregate, the bell and the version on the right. With
 * the drawer collapsed, a 3-px aggregate progress bar sits on top of it.
 */
export function StatusBar() {
  return (
    <>
      <AggregateBar />
      <footer
        role="contentinfo"
        className="flex h-6 shrink-0 items-center gap-1 border-t border-line bg-surface px-1 text-sm text-muted"
      >
        <StorageBadge />
        <TokenWarning />
        <OfflineBadge />
        <div className="flex-1" />
        <TransferSummary />
        <NoticeBell />
        <Version />
      </footer>
    </>
  );
}
