import { KeyRound, PlugZap } from 'lucide-react';
import { socketUrlFor } from '../../../../shared/loopback-address.js';
import { Button } from '../../ui/button.js';
import { CommandBlock } from '../../ui/copy-button.js';
import { EmptyState } from '../../ui/empty-state.js';
import type { HostStatus } from './host-slice.js';

/** Why the window has no engine, as far as the page can tell. */
type Reason = 'lost' | 'refused' | 'absent';

const TEXT: Readonly<Record<Reason, { title: string; body: string }>> = {
  lost: {
    title: 'The connection to Sifport was lost',
    body: 'The engine behind this window stopped or restarted. Transfers that were running carry on, or can be resumed, once you reload.',
  },
  refused: {
    title: 'Not connected: Sifport refused this page’s key',
    body: 'The address carries a key from another run, or a mistyped one: Sifport makes a new key each time it starts. Open the address it printed last, or start it again and open the new one:',
  },
  absent: {
    title: 'Not connected to a Sifport host',
    body: 'This page was opened without the engine behind it. Start the browser mode and open the address it prints:',
  },
};

/**
 * S14: the whole window when the engine cannot be reached, with the way back. A page whose
 * address carries a key the host refused (a stale or mistyped link) is told so, since
 * reloading it cannot help.
 */
export function Unreachable({ status }: { status: Exclude<HostStatus, 'ready' | 'connecting'> }) {
  const reason: Reason =
    status === 'lost' ? 'lost' : socketUrlFor(window.location) ? 'refused' : 'absent';
  const { title, body } = TEXT[reason];
  return (
    <main className="flex h-full items-center justify-center bg-bg">
      <h1 className="sr-only">Sifport</h1>
      <EmptyState
        icon={reason === 'refused' ? <KeyRound size={40} /> : <PlugZap size={40} />}
        title={title}
        actions={
          <Button variant="primary" onPress={() => window.location.reload()}>
            Reload
          </Button>
        }
      >
        <p className="m-0">{body}</p>
        {reason === 'lost' ? null : (
          <div className="mt-3">
            <CommandBlock command="npm run web" label="the command that starts the browser mode" />
          </div>
        )}
      </EmptyState>
    </main>
  );
}
