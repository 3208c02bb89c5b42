import { Construction } from 'lucide-react';
import { EmptyState } from '../../ui/empty-state.js';

/** Settings (placeholder until it is built). */
export function SettingsView(_props: { section?: string }) {
  return <EmptyState icon={<Construction size={32} />} title="Settings is not built yet" />;
}
