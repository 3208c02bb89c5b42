import { Download } from 'lucide-react';
import { useShallow } from 'zustand/react/shallow';
import { useSifportStore } from '../../../store/store.js';
import { Banner } from '../../../ui/banner.js';
import { Button } from '../../../ui/button.js';
import { CommandBlock } from '../../../ui/copy-button.js';
import { Spinner } from '../../../ui/spinner.js';
import { storageAdvice } from '../storage-advice.js';
import { Facts, SettingGroup, SettingsSection } from '../settings-layout.js';

const SOURCE_NAMES = { apptainer: 'Apptainer', docker: 'Docker', podman: 'Podman' } as const;

/** How secrets are kept (the host's own words) and what to do when that is not good enough. */
function SecretStorage() {
  const { storage, error, reload } = useSifportStore(
    useShallow((s) => ({ storage: s.storage, error: s.accountsError, reload: s.loadAccounts })),
  );
  if (!storage) {
    return error ? (
      <Banner
        tone="danger"
        title="Could not ask the host how it keeps secrets"
        actions={<Button onPress={() => void reload()}>Try again</Button>}
      >
        {error}
      </Banner>
    ) : (
      <Spinner label="Asking the host how it keeps secrets…" />
    );
  }
  const advice = storageAdvice(storage);
  return (
    <>
      <Banner tone={advice.tone} title={advice.kept}>
        {storage.explanation}
      </Banner>
      <Facts
        rows={[
          ['Kept', advice.kept],
          ['Protection', advice.protection],
          ['Backend', <span className="font-mono text-sm">{storage.backend}</span>],
        ]}
      />
      {advice.steps.length > 0 ? (
        <div className="flex flex-col gap-2">
          <h5 className="m-0 text-sm font-semibold">How to protect them better</h5>
          <ol className="m-0 flex list-decimal flex-col gap-1 pl-5">
            {advice.steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
          {advice.commands.map((command) => (
            <CommandBlock key={command} command={command} label="command" />
          ))}
        </div>
      ) : null}
    </>
  );
}

/** S13 Accounts & secrets: how logins are kept, and where imported logins come from. */
export function SecretsSection() {
  const { info, openDialog } = useSifportStore(
    useShallow((s) => ({ info: s.appInfo, openDialog: s.openDialog })),
  );
  return (
    <SettingsSection
      title="Accounts & secrets"
      description="Passwords and tokens stay in the engine: this window never sees them."
    >
      <SettingGroup title="Where logins are kept">
        <SecretStorage />
      </SettingGroup>
      <SettingGroup
        title="Importing logins"
        description="Import reads these files and never rewrites them. Credential helpers (credsStore, credHelpers) run only when you allow it in the import sheet."
      >
        {info ? (
          <ul aria-label="Import sources" className="m-0 flex list-none flex-col gap-1 p-0">
            {info.importSources.map((s) => (
              <li key={s.file} className="flex gap-3">
                <span className="w-20 shrink-0 text-muted">{SOURCE_NAMES[s.source]}</span>
                <span className="min-w-0 font-mono text-sm break-all">{s.file}</span>
              </li>
            ))}
          </ul>
        ) : (
          <Spinner label="Reading where logins are imported from…" />
        )}
        <div>
          <Button onPress={() => openDialog({ kind: 'import-accounts' })}>
            <Download size={14} aria-hidden />
            Import existing logins…
          </Button>
        </div>
      </SettingGroup>
    </SettingsSection>
  );
}
