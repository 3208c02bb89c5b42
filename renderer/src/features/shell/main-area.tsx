import { useSifportStore } from '../../store/store.js';
import { AccountPage } from '../accounts/account-page.js';
import { FirstRun } from '../accounts/first-run.js';
import { ExplorerView } from '../explorer/explorer-view.js';
import { InspectorView } from '../inspector/inspector-view.js';
import { KeysView } from '../keys/keys-view.js';
import { SettingsView } from '../settings/settings-view.js';

/** The main area: the screen the view slice names (UI.md §3). */
export function MainArea() {
  const screen = useSifportStore((s) => s.screen);
  switch (screen.kind) {
    case 'home':
      return <FirstRun />;
    case 'account':
      return <AccountPage key={screen.accountId} accountId={screen.accountId} />;
    case 'explorer':
      return <ExplorerView />;
    case 'inspector':
      return <InspectorView key={screen.path} path={screen.path} name={screen.name} />;
    case 'keys':
      return <KeysView />;
    case 'settings':
      return <SettingsView section={screen.section} />;
  }
}
