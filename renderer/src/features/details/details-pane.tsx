import { Construction } from 'lucide-react';
import { EmptyState } from '../../ui/empty-state.js';

/** Details (placeholder until it is built). */
export function DetailsPane() {
  return <EmptyState icon={<Construction size={32} />} title="Details is not built yet" />;
}
