import { Construction } from 'lucide-react';
import { EmptyState } from '../../ui/empty-state.js';

/** Accounts sidebar (placeholder until it is built). */
export function Sidebar() {
  return <EmptyState icon={<Construction size={32} />} title="Accounts sidebar is not built yet" />;
}
