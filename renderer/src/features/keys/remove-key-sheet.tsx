import { useState } from 'react';
import type { KeyItem } from '../../store/domain.js';
import { useSifportStore } from '../../store/store.js';
import { Banner } from '../../ui/banner.js';
import { Button } from '../../ui/button.js';
import { ActionSheet } from '../../ui/sheet-actions.js';
import { TextField } from '../../ui/field.js';
import { groupFingerprint, keyName } from '../sif-report/signers.js';
import { confirmationCode, confirms } from './key-format.js';
import { useSheetAction } from '../dialogs/use-sheet-action.js';

/**
 * Remove a key (UI.md S12). A public key can be imported again; a secret key is gone for
 * good, so the user types its last 8 hex digits to confirm, and is told there is no undo.
 */
export function RemoveKeySheet({ keyItem, onClose }: { keyItem: KeyItem; onClose: () => void }) {
  const removeKey = useSifportStore((s) => s.removeKey);
  const [typed, setTyped] = useState('');
  const { busy, error, run } = useSheetAction();
  const secret = keyItem.hasPrivate;
  const name = keyName(keyItem);
  const ready = !secret || confirms(keyItem.fingerprint, typed);
  const remove = async () => {
    if (!ready || busy) return;
    await run(async () => {
      await removeKey(keyItem.fingerprint, secret);
      onClose();
    });
  };
  return (
    <ActionSheet
      title={secret ? `Remove your key pair ${name}?` : `Remove the public key of ${name}?`}
      role="alertdialog"
      onClose={onClose}
      busy={busy}
      reason={ready ? undefined : 'Type the last 8 characters of the fingerprint to confirm.'}
      action={
        <Button variant="danger" onPress={() => void remove()} isDisabled={!ready || busy}>
          {secret ? 'Remove key pair' : 'Remove key'}
        </Button>
      }
    >
      <div className="flex flex-col gap-3">
        <p className="m-0 font-mono text-sm">{groupFingerprint(keyItem.fingerprint)}</p>
        {secret ? (
          <>
            <Banner tone="danger" title="There is no undo">
              The secret key is deleted from this keyring. Without a copy you can no longer sign as
              this key, and nobody can make a new key that verifies as it. Export it first if you
              may need it.
            </Banner>
            <TextField
              label={`Type ${confirmationCode(keyItem.fingerprint)} (the last 8 characters of the fingerprint) to confirm`}
              mono
              value={typed}
              onChange={setTyped}
              autoComplete="off"
            />
          </>
        ) : (
          <p className="m-0">
            Images signed by this key will show an unknown signer until you import it again. There
            is no undo, but the key can be imported again from its file.
          </p>
        )}
        {error ? (
          <Banner tone="danger" title="Could not remove the key">
            {error.message}
          </Banner>
        ) : null}
      </div>
    </ActionSheet>
  );
}
