import { Construction } from 'lucide-react';
import { EmptyState } from '../../ui/empty-state.js';

/** Account page (placeholder until it is built). */
export function AccountPage(_props: { accountId: string }) {
  return <EmptyState icon={<Construction size={32} />} title="Account page is not built yet" />;
}
