import { AlertTriangle, ShieldCheck } from 'lucide-react';
import { useSifportStore } from '../../store/store.js';
import { StatusItem } from './status-item.js';

/**
 * Where secrets are kept (UI.md S10): "OS keyring", or a warning for "session only" and
 * "weak" storage; each opens Settings › Accounts & secrets, where the fix is explained.
 */
export function StorageBadge() {
  const storage = useSifportStore((s) => s.storage);
  const navigate = useSifportStore((s) => s.navigate);
  if (!storage) return null;
  const open = () => navigate({ kind: 'settings', section: 'accounts' });
  if (storage.mode === 'session-only' || storage.protection !== 'os') {
    const words = storage.mode === 'session-only' ? 'Session only' : 'Weak storage';
    return (
      <StatusItem
        tone="warning"
        label={`Secrets: ${words.toLowerCase()}. ${storage.explanation} Open settings.`}
        tip={storage.explanation}
        onPress={open}
      >
        <AlertTriangle size={12} aria-hidden />
        {words}
      </StatusItem>
    );
  }
  return (
    <StatusItem
      label={`Secrets are kept in the OS keyring (${storage.backend}). Open settings.`}
      tip={storage.explanation}
      onPress={open}
    >
      <ShieldCheck size={12} aria-hidden />
      OS keyring
    </StatusItem>
  );
}
