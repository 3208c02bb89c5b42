import { Construction } from 'lucide-react';
import { EmptyState } from '../../ui/empty-state.js';

/** Explorer (placeholder until it is built). */
export function ExplorerView() {
  return <EmptyState icon={<Construction size={32} />} title="Explorer is not built yet" />;
}
