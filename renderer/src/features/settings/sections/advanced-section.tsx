import { useState } from 'react';
import { FileDown, FolderOpen, LayoutTemplate } from 'lucide-react';
import { useShallow } from 'zustand/react/shallow';
import { DEFAULT_SETTINGS } from '../../../../../shared/settings-contract.js';
import { useSifportStore } from '../../../store/store.js';
import { Button } from '../../../ui/button.js';
import { CopyButton } from '../../../ui/copy-button.js';
import { activityExport, activityFileName } from '../activity-export.js';
import type { AppInfo } from '../settings-slice.js';
import { Facts, SettingGroup, SettingsSection } from '../settings-layout.js';

/** Hands `text` to the browser as a file download (both modes: Electron asks where). */
function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const sameLayout = (a: object, b: object) => JSON.stringify(a) === JSON.stringify(b);

/** S13 Advanced: the profile folder, version, logs, layout reset and activity export. */
export function AdvancedSection({ info }: { info: AppInfo }) {
  const s = useSifportStore(
    useShallow((st) => ({
      layout: st.settings.layout,
      desktop: st.desktopHost,
      update: st.updateSettings,
      announce: st.announce,
      reveal: st.revealInFolder,
    })),
  );
  const [revealError, setRevealError] = useState<string>();
  const exportActivity = () => {
    const { transfers, transferOrder, notices } = useSifportStore.getState();
    const now = Date.now();
    const jobs = transferOrder.map((id) => transfers[id]!).filter(Boolean);
    download(activityFileName(now), activityExport(jobs, notices, { now, version: info.version }));
    s.announce('Activity exported.');
  };
  const isDefault = sameLayout(s.layout, DEFAULT_SETTINGS.layout);
  return (
    <SettingsSection
      title="Advanced"
      description="Where Sifport keeps its files, and ways to start over."
    >
      <SettingGroup title="Profile">
        <Facts
          rows={[
            [
              'Folder',
              <span className="flex items-center gap-1">
                <span className="min-w-0 font-mono text-sm break-all">{info.profileDir}</span>
                <CopyButton text={info.profileDir} label="Copy the profile folder" />
              </span>,
            ],
            ['Version', <span className="font-mono text-sm">{info.version}</span>],
            ['Platform', info.platform],
            [
              'Logs',
              'No log file: warnings go to the standard error of the process that started Sifport (the terminal, in the browser mode).',
            ],
          ]}
        />
        <p className="m-0 text-sm text-muted">
          Accounts, keys, settings and the transfer history live in this folder. The browser mode
          shares it with the sifport CLI.
        </p>
        {s.desktop ? (
          <div>
            <Button onPress={() => void s.reveal(info.profileDir).then(setRevealError)}>
              <FolderOpen size={14} aria-hidden />
              Show in folder
            </Button>
            {revealError ? <p className="mt-1 mb-0 text-sm text-danger">{revealError}</p> : null}
          </div>
        ) : null}
      </SettingGroup>
      <SettingGroup
        title="Layout"
        description="The widths of the sidebar and details pane and the height of the transfers drawer."
      >
        <div className="flex items-center gap-3">
          <Button
            isDisabled={isDefault}
            onPress={() => {
              void s.update({ layout: DEFAULT_SETTINGS.layout });
              s.announce('Layout reset to the default sizes.');
            }}
          >
            <LayoutTemplate size={14} aria-hidden />
            Reset layout
          </Button>
          <span className="text-sm text-muted">
            {isDefault ? 'The panes have their default sizes.' : 'You resized some panes.'}
          </span>
        </div>
      </SettingGroup>
      <SettingGroup
        title="Activity"
        description="Every transfer in the history and the bell’s events, as one JSON file, for a bug report or your records. It holds no password or token."
      >
        <div>
          <Button onPress={exportActivity}>
            <FileDown size={14} aria-hidden />
            Export activity (JSON)
          </Button>
        </div>
      </SettingGroup>
    </SettingsSection>
  );
}
