import { Construction } from 'lucide-react';
import { EmptyState } from '../../ui/empty-state.js';

/** Local SIF inspector (placeholder until it is built). */
export function InspectorView(_props: { path: string; name?: string }) {
  return (
    <EmptyState icon={<Construction size={32} />} title="Local SIF inspector is not built yet" />
  );
}
