import { useEffect, useState } from 'react';
import { Button } from '../../ui/button.js';
import { Banner } from '../../ui/banner.js';
import { CommandBlock } from '../../ui/copy-button.js';
import { Sheet } from '../../ui/dialog.js';
import { Spinner } from '../../ui/spinner.js';
import { useSifportStore } from '../../store/store.js';
import type { ErrorState } from '../../store/slice.js';
import type { DialogProps } from '../shell/view-slice.js';
import { accountLabel } from './account-status.js';
import { saveText } from '../sif-report/save-text.js';

/** The file name offered: apptainer reads `docker-config.json`; the host tells copies apart. */
function fileName(registry: string): string {
  return `docker-config-${registry.replace(/[^a-z0-9.-]+/gi, '-')}.json`;
}

/**
 * "Export docker-config…" (UI.md S3): what holding the file means comes first; the file is
 * offered only when the user asks, and the text never shows in the window.
 */
export function ExportAccountDialog({ dialog, onClose }: DialogProps<'export-account'>) {
  const account = useSifportStore((s) => s.accounts.find((a) => a.id === dialog.accountId));
  const exportAccount = useSifportStore((s) => s.exportAccount);
  const [answer, setAnswer] = useState<{ config: string; warning: string } | undefined>();
  const [error, setError] = useState<ErrorState | undefined>();
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    let live = true;
    void exportAccount(dialog.accountId).then((outcome) => {
      if (!live) return;
      if (outcome.ok) setAnswer(outcome.value);
      else setError(outcome.error);
    });
    return () => {
      live = false;
    };
  }, [dialog.accountId, exportAccount]);

  if (!account) return null;
  const name = fileName(account.registry);
  const save = (): void => {
    if (!answer) return;
    saveText(name, answer.config, 'application/json');
    setSaved(true);
  };
  return (
    <Sheet
      title={`Export the login of ${accountLabel(account)}`}
      description="A docker-config.json that apptainer, docker and podman read, for a cluster or CI job."
      onClose={onClose}
      footer={
        <>
          <Button onPress={onClose}>{saved ? 'Done' : 'Cancel'}</Button>
          <Button variant="primary" isDisabled={!answer} onPress={save}>
            {saved ? 'Save again' : 'Save file…'}
          </Button>
        </>
      }
    >
      <div className="flex flex-col gap-3">
        {error ? (
          <Banner tone="danger" title="The login cannot be exported">
            {error.message}
          </Banner>
        ) : answer ? (
          <Banner tone="warning" title="This file holds a secret">
            {answer.warning}
          </Banner>
        ) : (
          <Spinner label="Preparing the file…" />
        )}
        {account.secretKind === 'cloud-command' ? (
          <p className="m-0 text-muted">
            It holds the current cloud token, which stops working when it expires.
          </p>
        ) : null}
        <p className="m-0">
          {saved ? `Saved as ${name} in your downloads. ` : ''}
          On the machine that runs apptainer, put it here, readable only by you (this replaces that
          file: if it already holds logins, merge them by hand):
        </p>
        <CommandBlock
          command={`install -m 600 -D ${name} ~/.apptainer/docker-config.json`}
          label="install command"
        />
      </div>
    </Sheet>
  );
}
