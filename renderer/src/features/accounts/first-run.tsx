import { Construction } from 'lucide-react';
import { EmptyState } from '../../ui/empty-state.js';

/** First run (placeholder until it is built). */
export function FirstRun() {
  return <EmptyState icon={<Construction size={32} />} title="First run is not built yet" />;
}
