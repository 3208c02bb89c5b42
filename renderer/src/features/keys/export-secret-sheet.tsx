import type { KeyItem } from '../../store/domain.js';
import { useSifportStore } from '../../store/store.js';
import { Banner } from '../../ui/banner.js';
import { Button } from '../../ui/button.js';
import { ActionSheet } from '../../ui/sheet-actions.js';
import { saveText } from '../sif-report/save-text.js';
import { groupFingerprint, keyName } from '../sif-report/signers.js';
import { exportFileName } from './key-format.js';
import { useSheetAction } from '../dialogs/use-sheet-action.js';

/**
 * Export a secret key (UI.md S12): the warning first, then the armour (still protected by its
 * passphrase) saved as a file the user chooses where to keep. It never shows on screen.
 */
export function ExportSecretSheet({ keyItem, onClose }: { keyItem: KeyItem; onClose: () => void }) {
  const exportKey = useSifportStore((s) => s.exportKey);
  const announce = useSifportStore((s) => s.announce);
  const { busy, error, run } = useSheetAction();
  const save = async () => {
    await run(async () => {
      const { armored } = await exportKey(keyItem.fingerprint, true);
      const name = exportFileName(keyItem, true);
      saveText(name, armored, 'application/pgp-keys');
      announce(`Secret key saved as ${name}.`);
      onClose();
    });
  };
  return (
    <ActionSheet
      title={`Export the secret key of ${keyName(keyItem)}`}
      role="alertdialog"
      onClose={onClose}
      busy={busy}
      action={
        <Button variant="danger" onPress={() => void save()} isDisabled={busy}>
          Save the secret key…
        </Button>
      }
    >
      <div className="flex flex-col gap-3">
        <Banner tone="warning" title="Anyone with this file and its passphrase can sign as you">
          Keep it somewhere only you can read (a password manager, an encrypted disk), never in a
          shared folder or a repository, and never send it to anyone.
        </Banner>
        <p className="m-0 font-mono text-sm">{groupFingerprint(keyItem.fingerprint)}</p>
        <p className="m-0 text-muted">
          The file holds the key as stored: protected by its passphrase. To sign with it in
          apptainer, run <code className="font-mono">apptainer key import FILE</code>.
        </p>
        {error ? (
          <Banner tone="danger" title="Could not export">
            {error.message}
          </Banner>
        ) : null}
      </div>
    </ActionSheet>
  );
}
