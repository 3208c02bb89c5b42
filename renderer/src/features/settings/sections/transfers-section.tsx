import { useShallow } from 'zustand/react/shallow';
import { useSifportStore } from '../../../store/store.js';
import { Switch } from '../../../ui/field.js';
import { Kbd } from '../../../ui/kbd.js';
import { Select } from '../../../ui/select.js';
import { concurrencyOptions, historyOptions } from '../setting-values.js';
import { SettingGroup, SettingsSection } from '../settings-layout.js';
import { PullFolderField } from './pull-folder-field.js';

/** S13 Transfers: how many run at once, where pulls go, verifying, the drawer, history. */
export function TransfersSection() {
  const { concurrency, verify, openDrawer, historySize, update } = useSifportStore(
    useShallow((s) => ({
      concurrency: s.settings.concurrency,
      verify: s.settings.verifyAfterPull,
      openDrawer: s.settings.openDrawerOnTransfer,
      historySize: s.settings.historySize,
      update: s.updateSettings,
    })),
  );
  return (
    <SettingsSection
      title="Transfers"
      description="Pushes, pulls and copies run in a queue that survives closing the window."
    >
      <SettingGroup
        title="Queue"
        description="More at once finishes many small images sooner; one or two leave more bandwidth to each. Raising it starts queued transfers at once; lowering it lets running ones finish."
      >
        <Select
          label="Transfers at once"
          className="w-56"
          value={String(concurrency)}
          onChange={(value) => void update({ concurrency: Number(value) })}
          options={concurrencyOptions()}
        />
      </SettingGroup>
      <SettingGroup title="Pulls">
        <PullFolderField />
        <Switch isSelected={verify} onChange={(value) => void update({ verifyAfterPull: value })}>
          Verify signatures after each pull
        </Switch>
      </SettingGroup>
      <SettingGroup
        title="Drawer and history"
        description="Beyond the history size the oldest finished transfers are dropped at once; queued and running ones are always kept."
      >
        <Switch
          isSelected={openDrawer}
          onChange={(value) => void update({ openDrawerOnTransfer: value })}
        >
          <span>
            Open the transfers drawer when a transfer starts{' '}
            <span className="text-muted">
              (or toggle it with <Kbd keys="Mod+J" />)
            </span>
          </span>
        </Switch>
        <Select
          label="Finished transfers kept"
          className="w-56"
          value={String(historySize)}
          onChange={(value) => void update({ historySize: Number(value) })}
          options={historyOptions(historySize)}
        />
      </SettingGroup>
    </SettingsSection>
  );
}
