import { PlugZap } from 'lucide-react';
import { Button } from '../../ui/button.js';
import { EmptyState } from '../../ui/empty-state.js';
import type { HostStatus } from './host-slice.js';

/** S14: the whole window when the engine cannot be reached, with the way back. */
export function Unreachable({ status }: { status: Exclude<HostStatus, 'ready' | 'connecting'> }) {
  return (
    <main className="flex h-full items-center justify-center bg-bg">
      <h1 className="sr-only">Sifport</h1>
      <EmptyState
        icon={<PlugZap size={40} />}
        title={
          status === 'lost'
            ? 'The connection to Sifport was lost'
            : 'Not connected to a Sifport host'
        }
        actions={
          <Button variant="primary" onPress={() => window.location.reload()}>
            Reload
          </Button>
        }
      >
        {status === 'lost'
          ? 'The engine behind this window stopped or restarted. Transfers that were running carry on or can be resumed once you reload.'
          : 'This page was opened without the engine behind it. Start Sifport with "npm start" (or "npm run web") and open the address it prints.'}
      </EmptyState>
    </main>
  );
}
