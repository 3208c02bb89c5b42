import { House } from 'lucide-react';
import { useSifportStore } from '../../store/store.js';
import { Button } from '../../ui/button.js';
import { AccountsTree } from './accounts-tree.js';
import { NavEntry, SidebarFooter } from './sidebar-footer.js';
import { SidebarRail } from './sidebar-rail.js';
import { AccountButtons } from './account-buttons.js';
import { AccountsPhase } from './accounts-phase.js';
import { useNarrow } from './use-narrow.js';

/** The sidebar with no account yet: what it is for and the two ways to fill it. */
function NoAccounts() {
  const error = useSifportStore((s) => s.accountsError);
  const loadAccounts = useSifportStore((s) => s.loadAccounts);
  if (error) {
    return (
      <div role="alert" className="flex flex-col gap-2 px-3 py-2 text-sm">
        <p className="m-0">The accounts could not be read: {error.message}</p>
        <Button small onPress={() => void loadAccounts()}>
          Try again
        </Button>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-2 px-3 py-2 text-sm text-muted">
      <p className="m-0">
        Registry logins show here with their repositories. Add one, or import those docker, podman
        and apptainer already have.
      </p>
      <AccountButtons addFirst />
    </div>
  );
}

/**
 * The sidebar (UI.md S3), inside the frame's `nav` "Registries": the accounts tree grouped by
 * host, LOCAL and the bottom navigation; a monogram rail below 900 px.
 */
export function Sidebar() {
  const narrow = useNarrow();
  const home = useSifportStore((s) => s.screen.kind === 'home');
  const navigate = useSifportStore((s) => s.navigate);
  if (narrow) return <SidebarRail />;
  return (
    <div className="flex h-full min-h-0 flex-col">
      <div className="shrink-0 px-1.5 pt-2">
        <NavEntry
          icon={<House size={14} />}
          label="Start"
          current={home}
          onPress={() => navigate({ kind: 'home' })}
        />
      </div>
      <h2 className="m-0 flex h-8 shrink-0 items-end px-3.5 pb-1 text-xs font-semibold tracking-wide text-muted uppercase">
        Registries
      </h2>
      <div className="min-h-0 flex-1 overflow-auto">
        <AccountsPhase className="px-3 py-2" empty={<NoAccounts />} some={<AccountsTree />} />
      </div>
      <SidebarFooter />
    </div>
  );
}
