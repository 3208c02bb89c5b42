import { Kbd } from '../../../ui/kbd.js';
import { SettingNumberSelect, SettingSwitch } from '../setting-controls.js';
import { concurrencyOptions, historyOptions, pullConnectionOptions } from '../setting-values.js';
import { SettingGroup, SettingsSection } from '../settings-layout.js';
import { PullFolderField } from './pull-folder-field.js';

/** S13 Transfers: how many run at once, where pulls go, verifying, the drawer, history. */
export function TransfersSection() {
  return (
    <SettingsSection
      title="Transfers"
      description="Pushes, pulls and copies run in a queue that survives closing the window."
    >
      <SettingGroup
        title="Queue"
        description="More at once finishes many small images sooner; one or two leave more bandwidth to each. Raising it starts queued transfers at once; lowering it lets running ones finish."
      >
        <SettingNumberSelect
          setting="concurrency"
          label="Transfers at once"
          options={concurrencyOptions}
        />
      </SettingGroup>
      <SettingGroup
        title="Pulls"
        description="An image of 64 MiB or more comes over several connections at once, each fetching its own part: far faster from a distant registry, where one connection waits on every round trip. A registry on this machine has no round trip to beat, so automatic uses one stream there. The file is still checked in order before it appears."
      >
        <SettingNumberSelect
          setting="pullConnections"
          label="Connections per pull"
          className="w-96"
          options={pullConnectionOptions}
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
        <SettingNumberSelect
          setting="historySize"
          label="Finished transfers kept"
          options={historyOptions}
        />
      </SettingGroup>
    </SettingsSection>
  );
}
