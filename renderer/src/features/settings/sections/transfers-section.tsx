import { Kbd } from '../../../ui/kbd.js';
import { Select } from '../../../ui/select.js';
import { SettingSwitch, useSettingValues } from '../setting-controls.js';
import { concurrencyOptions, historyOptions, pullConnectionOptions } from '../setting-values.js';
import { SettingGroup, SettingsSection } from '../settings-layout.js';
import { PullFolderField } from './pull-folder-field.js';

/** S13 Transfers: how many run at once, where pulls go, verifying, the drawer, history. */
export function TransfersSection() {
  const { concurrency, historySize, pullConnections, update } = useSettingValues([
    'concurrency',
    'historySize',
    'pullConnections',
  ]);
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
      <SettingGroup
        title="Pulls"
        description="An image of 64 MiB or more comes over several connections at once, each fetching its own part: far faster from a distant registry, where one connection waits on every round trip. A registry on this machine has no round trip to beat, so automatic uses one stream there. The file is still checked in order before it appears."
      >
        <Select
          label="Connections per pull"
          className="w-80"
          value={String(pullConnections)}
          onChange={(value) => void update({ pullConnections: Number(value) })}
          options={pullConnectionOptions(pullConnections)}
        />
        <PullFolderField />
        <SettingSwitch setting="verifyAfterPull">Verify signatures after each pull</SettingSwitch>
      </SettingGroup>
      <SettingGroup
        title="Drawer and history"
        description="Beyond the history size the oldest finished transfers are dropped at once; queued and running ones are always kept."
      >
        <SettingSwitch setting="openDrawerOnTransfer">
          <span>
            Open the transfers drawer when a transfer starts{' '}
            <span className="text-muted">
              (or toggle it with <Kbd keys="Mod+J" />)
            </span>
          </span>
        </SettingSwitch>
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
