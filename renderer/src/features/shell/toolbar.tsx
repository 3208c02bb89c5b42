import { ArrowUpFromLine, ArrowUpDown, CircleHelp, PanelLeft, Search } from 'lucide-react';
import { Breadcrumb, Breadcrumbs, Button as AriaButton } from 'react-aria-components';
import { useShallow } from 'zustand/react/shallow';
import { useSifportStore, type SifportState } from '../../store/store.js';
import { Button, IconButton } from '../../ui/button.js';
import { Kbd } from '../../ui/kbd.js';
import { describeKeys, keysFor } from '../../ui/keymap.js';
import { IS_MAC } from '../../ui/kbd.js';

/** The toolbar's breadcrumb: where the main area is, from the account down to the tag. */
export function breadcrumbOf(state: SifportState): readonly string[] {
  const screen = state.screen;
  const accountName = (id: string) => {
    const a = state.accounts.find((x) => x.id === id);
    return a ? `${a.username || 'anonymous'} @ ${a.registry}` : 'Account';
  };
  switch (screen.kind) {
    case 'home':
      return ['Start'];
    case 'account':
      return [accountName(screen.accountId)];
    case 'explorer': {
      const pane = state.panes[state.activePane];
      return pane ? [accountName(pane.accountId), pane.repository] : ['Explorer'];
    }
    case 'inspector':
      return ['Local SIF', screen.name ?? screen.path.split(/[\\/]/).pop() ?? screen.path];
    case 'keys':
      return ['Keys'];
    case 'settings':
      return ['Settings'];
  }
}

const shortcut = (command: string) => {
  const keys = keysFor(command);
  return keys ? describeKeys(keys, IS_MAC) : undefined;
};

/** The toolbar (UI.md §1): sidebar toggle, breadcrumb, palette, Push…, transfers, help. */
export function Toolbar() {
  const crumbs = useSifportStore(useShallow(breadcrumbOf));
  const active = useSifportStore((s) => s.transferCounts.active + s.transferCounts.queued);
  const act = useSifportStore(
    useShallow((s) => ({
      toggleFrame: s.toggleFrame,
      openDialog: s.openDialog,
      requestPush: s.requestPush,
      drawer: s.frame.drawer,
    })),
  );
  return (
    <header
      role="banner"
      className="flex h-10 shrink-0 items-center gap-2 border-b border-line bg-surface px-2"
    >
      <h1 className="sr-only">Sifport</h1>
      <IconButton
        label="Show or hide the sidebar"
        shortcut={shortcut('toggle-sidebar')}
        onPress={() => act.toggleFrame('sidebar')}
      >
        <PanelLeft size={16} />
      </IconButton>
      <Breadcrumbs className="flex min-w-0 flex-1 items-center gap-1 text-base">
        {crumbs.map((crumb, i) => (
          <Breadcrumb key={`${i}-${crumb}`} className="flex min-w-0 items-center gap-1">
            {i > 0 ? (
              <span aria-hidden className="text-muted">
                ›
              </span>
            ) : null}
            <span
              className={i === crumbs.length - 1 ? 'truncate font-medium' : 'truncate text-muted'}
            >
              {crumb}
            </span>
          </Breadcrumb>
        ))}
      </Breadcrumbs>
      <AriaButton
        onPress={() => act.openDialog({ kind: 'palette' })}
        className="flex h-7 w-72 items-center gap-2 rounded-md border border-line bg-bg px-2 text-muted outline-none hover:border-control focus-visible:outline-2 focus-visible:outline-accent"
      >
        <Search size={14} aria-hidden />
        <span className="flex-1 text-left">Search or run…</span>
        <Kbd keys="Mod+K" />
      </AriaButton>
      <Button variant="primary" onPress={() => act.requestPush()}>
        <ArrowUpFromLine size={14} aria-hidden />
        Push…
      </Button>
      <IconButton
        label={active ? `Transfers: ${active} active` : 'Transfers'}
        shortcut={shortcut('toggle-drawer')}
        onPress={() => act.toggleFrame('drawer')}
        aria-expanded={act.drawer}
      >
        <ArrowUpDown size={16} />
        {active ? <span className="text-sm font-medium text-accent">{active}</span> : null}
      </IconButton>
      <IconButton
        label="Keyboard shortcuts"
        shortcut="?"
        onPress={() => act.openDialog({ kind: 'shortcuts' })}
      >
        <CircleHelp size={16} />
      </IconButton>
    </header>
  );
}
