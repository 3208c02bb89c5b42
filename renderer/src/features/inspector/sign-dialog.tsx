import { useEffect, useState } from 'react';
import { useStoreFields } from '../../store/use-store-fields.js';
import { Banner } from '../../ui/banner.js';
import { Button } from '../../ui/button.js';
import { ActionSheet } from '../../ui/sheet-actions.js';
import { SheetForm } from '../../ui/sheet-form.js';
import { Checkbox, TextField } from '../../ui/field.js';
import { Select } from '../../ui/select.js';
import { groupFingerprint, keyName } from '../sif-report/signers.js';
import type { DialogProps } from '../shell/view-slice.js';
import { baseName } from '../push/push-names.js';
import { signedCopyPath } from './local-paths.js';
import { scopeOf, SignScopeField, type ScopeChoice } from './sign-scope.js';
import { useSheetAction } from '../dialogs/use-sheet-action.js';

const FORM_ID = 'sign-form';

/** No key with a private half: what signing needs, and the way to get one. */
function NoSigningKey({ onClose, anyKeys }: { onClose: () => void; anyKeys: boolean }) {
  const { openKeySheet, navigate, openKeyImport } = useStoreFields(
    'openKeySheet',
    'navigate',
    'openKeyImport',
  );
  return (
    <Banner
      tone="warning"
      title="You have no key to sign with"
      actions={
        <>
          <Button
            small
            variant="primary"
            onPress={() => {
              onClose();
              navigate({ kind: 'keys' });
              openKeySheet({ kind: 'new' });
            }}
          >
            New key pair…
          </Button>
          <Button small onPress={() => openKeyImport()}>
            Import your key…
          </Button>
        </>
      }
    >
      Signing needs a key pair of your own: its secret half signs, and others verify with its public
      half.
      {anyKeys
        ? ' The keys in your keyring are public keys only: they verify, they cannot sign.'
        : ''}
    </Banner>
  );
}

/**
 * The Sign dialog (UI.md S11): key (keyring keys with a private half), passphrase (sent once,
 * never stored or shown again), scope, and "modifies the file" with Sign a copy. After
 * signing the inspector shows the signed file with its new signature.
 */
export function SignDialog({ dialog, onClose }: DialogProps<'sign'>) {
  const { keys, loadKeys, inspection, signInspected } = useStoreFields(
    'keys',
    'loadKeys',
    'inspection',
    'signInspected',
  );
  const signing = keys.filter((k) => k.hasPrivate && !k.revoked);
  const [fingerprint, setFingerprint] = useState<string | undefined>();
  const [passphrase, setPassphrase] = useState('');
  const [scope, setScope] = useState<ScopeChoice>({ kind: 'image' });
  const [copy, setCopy] = useState(false);
  const [copyTo, setCopyTo] = useState(() => signedCopyPath(dialog.path));
  const { busy, error, run } = useSheetAction();
  // Read again on open: `sifport keys` may have changed the keyring since the window read it.
  const [fresh, setFresh] = useState(false);
  useEffect(() => {
    void loadKeys().then(() => setFresh(true));
  }, [loadKeys]);
  const chosen = fingerprint ?? signing[0]?.fingerprint;
  const mine = inspection?.path === dialog.path ? inspection : undefined;
  const report = mine?.result?.report;
  const name = mine?.uploadedFrom ?? baseName(dialog.path);
  const noKey = fresh && signing.length === 0;
  const requestScope = scopeOf(scope);
  const reason =
    chosen === undefined
      ? 'Choose the key to sign with.'
      : passphrase === ''
        ? 'Type the passphrase of the key.'
        : !requestScope
          ? 'Choose what to sign.'
          : copy && copyTo.trim() === ''
            ? 'Give the copy a path.'
            : undefined;
  const ready = reason === undefined;

  const submit = async () => {
    if (!ready || busy || chosen === undefined) return;
    await run(async () => {
      await signInspected({
        fingerprint: chosen,
        passphrase,
        scope: requestScope,
        ...(copy ? { copyTo: copyTo.trim() } : {}),
      });
      onClose();
    });
  };
  const wrongPassphrase = error?.code === 'KEY_INVALID';
  return (
    <ActionSheet
      title={`Sign ${name}`}
      description="A signature lets others check with your public key that the image is yours and unchanged."
      width="md"
      onClose={onClose}
      busy={busy}
      cancelLabel={noKey ? 'Close' : 'Cancel'}
      reason={noKey ? undefined : reason}
      busyLabel="Signing: hashing every object it covers…"
      action={
        noKey ? null : (
          <Button variant="primary" type="submit" form={FORM_ID} isDisabled={!ready || busy}>
            {copy ? 'Sign the copy' : 'Sign'}
          </Button>
        )
      }
    >
      {noKey ? (
        <NoSigningKey onClose={onClose} anyKeys={keys.length > 0} />
      ) : (
        <SheetForm id={FORM_ID} onSubmit={() => void submit()}>
          <Select
            label="Key"
            value={chosen}
            onChange={setFingerprint}
            options={signing.map((k) => ({
              value: k.fingerprint,
              label: keyName(k),
              detail: groupFingerprint(k.fingerprint),
            }))}
          />
          <TextField
            label="Passphrase"
            type="password"
            autoComplete="off"
            value={passphrase}
            onChange={setPassphrase}
            error={wrongPassphrase ? error.message : undefined}
            description="Unlocks the key for this signature only; Sifport never stores it."
          />
          <SignScopeField report={report} value={scope} onChange={setScope} />
          <div className="flex flex-col gap-2 rounded-md border border-line p-3">
            <p className="m-0">
              Signing <strong>modifies the file</strong>: it appends a signature object to{' '}
              <span className="font-mono">{name}</span>.
            </p>
            <Checkbox isSelected={copy} onChange={setCopy} hint="The original stays unsigned.">
              Sign a copy instead
            </Checkbox>
            {copy ? (
              <TextField
                label="Copy to"
                mono
                value={copyTo}
                onChange={setCopyTo}
                description="A new file; signing refuses to replace one that exists."
              />
            ) : null}
          </div>
          {error && !wrongPassphrase ? (
            <Banner tone="danger" title="Could not sign">
              {error.message}
            </Banner>
          ) : null}
        </SheetForm>
      )}
    </ActionSheet>
  );
}
