import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { SifportApi } from '../../shared/contract.js';
import { DetailsPane } from './features/details/details-pane.js';
import { DropOverlay } from './features/push/drop-overlay.js';
import { Sidebar } from './features/accounts/sidebar.js';
import { Announcer } from './features/shell/announcer.js';
import { DialogHost } from './features/shell/dialog-host.js';
import { MainArea } from './features/shell/main-area.js';
import { applyAppearance } from './features/shell/theme.js';
import { Toolbar } from './features/shell/toolbar.js';
import { Unreachable } from './features/shell/unreachable.js';
import { useHostEvents } from './features/shell/use-host-events.js';
import { useKeyboard } from './features/shell/use-keyboard.js';
import { usePaneSize } from './features/shell/use-pane-size.js';
import { StatusBar } from './features/status/status-bar.js';
import { TransfersDrawer } from './features/transfers/transfers-drawer.js';
import { useSifportStore } from './store/store.js';
import { Splitter } from './ui/splitter.js';

/** The frame of UI.md §1: toolbar, sidebar, main area, details, drawer, status bar. */
function Frame() {
  const { frame, screen, theme, density } = useSifportStore(
    useShallow((s) => ({
      frame: s.frame,
      screen: s.screen.kind,
      theme: s.settings.theme,
      density: s.settings.density,
    })),
  );
  const [sidebar, setSidebar, saveSidebar] = usePaneSize('sidebarWidth');
  const [details, setDetails, saveDetails] = usePaneSize('detailsWidth');
  const [drawer, setDrawer, saveDrawer] = usePaneSize('drawerHeight');
  useEffect(() => applyAppearance({ theme, density }), [theme, density]);
  useKeyboard();
  const showDetails = screen === 'explorer' && frame.details;

  return (
    <div className="flex h-full flex-col bg-bg text-text">
      <Toolbar />
      <div className="relative flex min-h-0 flex-1">
        {frame.sidebar ? (
          <>
            <nav
              aria-label="Registries"
              style={{ width: sidebar }}
              className="flex shrink-0 flex-col bg-surface max-[899px]:!w-12"
            >
              <Sidebar />
            </nav>
            <Splitter
              label="Resize the sidebar"
              orientation="vertical"
              size={sidebar}
              min={200}
              max={400}
              onResize={setSidebar}
              onResizeEnd={saveSidebar}
            />
          </>
        ) : null}
        <main className="flex min-w-0 flex-1 flex-col overflow-hidden">
          <MainArea />
        </main>
        {showDetails ? (
          <>
            <Splitter
              label="Resize the details pane"
              orientation="vertical"
              size={details}
              min={300}
              max={600}
              invert
              onResize={setDetails}
              onResizeEnd={saveDetails}
            />
            <aside
              aria-label="Details"
              style={{ width: details }}
              className="flex shrink-0 flex-col overflow-hidden bg-bg max-[1099px]:absolute max-[1099px]:inset-y-0 max-[1099px]:right-0 max-[1099px]:z-20 max-[1099px]:border-l max-[1099px]:border-line max-[1099px]:shadow-2xl"
            >
              <DetailsPane />
            </aside>
          </>
        ) : null}
      </div>
      {frame.drawer ? (
        <>
          <Splitter
            label="Resize the transfers drawer"
            orientation="horizontal"
            size={drawer}
            min={120}
            max={Math.max(120, Math.round(window.innerHeight * 0.6))}
            invert
            onResize={setDrawer}
            onResizeEnd={saveDrawer}
          />
          <div style={{ height: drawer }} className="flex shrink-0 flex-col bg-bg">
            <TransfersDrawer height={drawer} />
          </div>
        </>
      ) : null}
      <StatusBar />
      <DropOverlay />
      <DialogHost />
      <Announcer />
    </div>
  );
}

/** The window: the frame once the host answered, else what to do about it. */
export function App({ host }: { host: SifportApi | undefined }) {
  useHostEvents(host);
  const status = useSifportStore((s) => s.hostStatus);
  // Effects run children first, so this one says every listener of the first frame is set
  // (shortcuts, the browser's file chooser): what a test waits for before pressing keys.
  useEffect(() => {
    document.documentElement.dataset.windowReady = 'true';
  }, []);
  if (status === 'absent' || status === 'lost') return <Unreachable status={status} />;
  return <Frame />;
}
