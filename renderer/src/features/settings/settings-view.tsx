import { useEffect, useState, type ReactNode } from 'react';
import {
  ArrowUpDown,
  Bell,
  KeyRound,
  Network,
  Palette,
  SlidersHorizontal,
  type LucideIcon,
} from 'lucide-react';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useShallow } from 'zustand/react/shallow';
import { useSifportStore } from '../../store/store.js';
import { Banner } from '../../ui/banner.js';
import { Button } from '../../ui/button.js';
import { cx } from '../../ui/cx.js';
import { Spinner } from '../../ui/spinner.js';
import { AdvancedSection } from './sections/advanced-section.js';
import { AppearanceSection } from './sections/appearance-section.js';
import { NetworkSection } from './sections/network-section.js';
import { NotificationsSection } from './sections/notifications-section.js';
import { SecretsSection } from './sections/secrets-section.js';
import { TransfersSection } from './sections/transfers-section.js';
import {
  isSettingsSection,
  SETTINGS_SECTIONS,
  type SettingsSectionId,
} from './settings-sections.js';
import type { AppInfo } from './settings-slice.js';

const ICONS: Readonly<Record<SettingsSectionId, LucideIcon>> = {
  appearance: Palette,
  notifications: Bell,
  transfers: ArrowUpDown,
  accounts: KeyRound,
  network: Network,
  advanced: SlidersHorizontal,
};

/** A section that needs `app:info`: waits for it, or says why it did not come. */
function WithAppInfo({ render }: { render: (info: AppInfo) => ReactNode }) {
  const { info, error, load } = useSifportStore(
    useShallow((s) => ({ info: s.appInfo, error: s.appInfoError, load: s.loadAppInfo })),
  );
  if (info) return render(info);
  if (error) {
    return (
      <Banner
        tone="danger"
        title="The host did not say how it is set up"
        actions={<Button onPress={() => void load()}>Try again</Button>}
      >
        {error.message}
      </Banner>
    );
  }
  return <Spinner label="Asking the host…" />;
}

/** The last change the host refused: rolled back, with why and what to do. */
function SaveError() {
  const { error, failed, retry, dismiss, reload } = useSifportStore(
    useShallow((s) => ({
      error: s.settingsError,
      failed: s.settingsFailedPatch,
      retry: s.retrySettings,
      dismiss: s.dismissSettingsError,
      reload: s.loadSettings,
    })),
  );
  if (!error) return null;
  const canRetry = error.code !== 'USAGE' && error.code !== 'CONFIG_INVALID';
  return (
    <Banner
      tone="danger"
      className="mb-6"
      title={failed ? 'That change was not saved' : 'Could not read the settings'}
      actions={
        <>
          {canRetry ? (
            <Button onPress={() => void (failed ? retry() : reload())}>Try again</Button>
          ) : null}
          <Button variant="ghost" onPress={dismiss}>
            Dismiss
          </Button>
        </>
      }
    >
      {error.message}
      {failed ? ' The previous value is back.' : ''}
    </Banner>
  );
}

function SectionBody({ id }: { id: SettingsSectionId }) {
  switch (id) {
    case 'appearance':
      return <AppearanceSection />;
    case 'notifications':
      return <NotificationsSection />;
    case 'transfers':
      return <TransfersSection />;
    case 'accounts':
      return <SecretsSection />;
    case 'network':
      return <WithAppInfo render={(info) => <NetworkSection info={info} />} />;
    case 'advanced':
      return <WithAppInfo render={(info) => <AdvancedSection info={info} />} />;
  }
}

function SettingsPage({ initial }: { initial: SettingsSectionId }) {
  const [selected, setSelected] = useState<SettingsSectionId>(initial);
  const { loadAppInfo, refreshCount } = useSifportStore(
    useShallow((s) => ({ loadAppInfo: s.loadAppInfo, refreshCount: s.refreshCount })),
  );
  useEffect(() => void loadAppInfo(), [loadAppInfo, refreshCount]);
  return (
    <Tabs
      orientation="vertical"
      selectedKey={selected}
      onSelectionChange={(key) => setSelected(String(key) as SettingsSectionId)}
      className="flex min-h-0 flex-1"
    >
      <div className="flex w-56 shrink-0 flex-col gap-2 border-r border-line bg-surface p-3">
        <h2 className="m-0 px-2 pt-1 text-lg font-semibold">Settings</h2>
        <TabList aria-label="Settings sections" className="flex flex-col gap-0.5">
          {SETTINGS_SECTIONS.map(({ id, label }) => {
            const Icon = ICONS[id];
            return (
              <Tab
                key={id}
                id={id}
                className={cx(
                  'flex h-8 cursor-default items-center gap-2 rounded-md px-2 text-text outline-none comfortable:h-9',
                  'hover:bg-hover selected:bg-selected selected:font-medium',
                  'data-[focus-visible]:outline-2 data-[focus-visible]:-outline-offset-2 data-[focus-visible]:outline-accent',
                )}
              >
                <Icon size={15} aria-hidden className="shrink-0 text-muted" />
                {label}
              </Tab>
            );
          })}
        </TabList>
        <p className="mt-auto mb-0 px-2 text-sm text-muted">Changes are saved as you make them.</p>
      </div>
      {SETTINGS_SECTIONS.map(({ id }) => (
        <TabPanel key={id} id={id} className="min-h-0 flex-1 overflow-auto outline-none">
          <div className="max-w-3xl px-8 py-6">
            <SaveError />
            <SectionBody id={id} />
          </div>
        </TabPanel>
      ))}
    </Tabs>
  );
}

/**
 * S13 Settings (Ctrl+,): sections on the left, the chosen one on the right, scrolling within
 * the main area; every change is saved at once (settings slice `updateSettings`). Opening
 * Settings at a section (`section`, e.g. from the status bar's storage badge) starts there.
 */
export function SettingsView({ section }: { section?: string }) {
  const initial = isSettingsSection(section) ? section : 'appearance';
  return <SettingsPage key={initial} initial={initial} />;
}
