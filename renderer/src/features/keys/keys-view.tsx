import { Construction } from 'lucide-react';
import { EmptyState } from '../../ui/empty-state.js';

/** Keys (placeholder until it is built). */
export function KeysView() {
  return <EmptyState icon={<Construction size={32} />} title="Keys is not built yet" />;
}
