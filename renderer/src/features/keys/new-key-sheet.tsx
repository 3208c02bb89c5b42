import { useState } from 'react';
import { useSifportStore } from '../../store/store.js';
import { Banner } from '../../ui/banner.js';
import { Button } from '../../ui/button.js';
import { ActionSheet } from '../../ui/sheet-actions.js';
import { SheetForm } from '../../ui/sheet-form.js';
import { TextField } from '../../ui/field.js';
import { RadioGroup } from '../../ui/radio-group.js';
import { useSheetAction } from '../dialogs/use-sheet-action.js';

const FORM_ID = 'new-key-form';
type Algorithm = 'ed25519' | 'rsa4096';

/**
 * New key pair (UI.md S12): Ed25519 by default (small and fast; apptainer verifies it) or RSA
 * 4096; name, e-mail, and the passphrase twice, since a mistyped one would lock the key for
 * good. The passphrase goes to `keys:generate` and nowhere else.
 */
export function NewKeySheet({ onClose }: { onClose: () => void }) {
  const generate = useSifportStore((s) => s.generateKey);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [algorithm, setAlgorithm] = useState<Algorithm>('ed25519');
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const { busy, error, run } = useSheetAction();
  const mismatch = again !== '' && again !== passphrase;
  const reason =
    name.trim() === ''
      ? 'Give the key a name.'
      : passphrase === ''
        ? 'Choose a passphrase.'
        : again !== passphrase
          ? 'Type the same passphrase twice.'
          : undefined;
  const ready = reason === undefined;

  const submit = async () => {
    if (!ready || busy) return;
    await run(async () => {
      await generate({
        name: name.trim(),
        ...(email.trim() ? { email: email.trim() } : {}),
        algorithm,
        passphrase,
      });
      onClose();
    });
  };
  return (
    <ActionSheet
      title="New key pair"
      description="Your secret key signs images; share the public key so others can verify them."
      onClose={onClose}
      busy={busy}
      reason={reason}
      busyLabel={
        algorithm === 'rsa4096' ? 'Generating (RSA 4096 may take a minute)…' : 'Generating…'
      }
      action={
        <Button variant="primary" type="submit" form={FORM_ID} isDisabled={!ready || busy}>
          Create key pair
        </Button>
      }
    >
      <SheetForm id={FORM_ID} onSubmit={() => void submit()}>
        <TextField label="Name" value={name} onChange={setName} isRequired autoFocus />
        <TextField
          label="E-mail (optional)"
          type="email"
          value={email}
          onChange={setEmail}
          description="Shown with your signatures, so people recognise your key."
        />
        <RadioGroup<Algorithm>
          label="Algorithm"
          value={algorithm}
          onChange={setAlgorithm}
          orientation="horizontal"
          options={[
            { value: 'ed25519', label: 'Ed25519 (recommended)' },
            { value: 'rsa4096', label: 'RSA 4096', hint: 'for tools that need RSA' },
          ]}
        />
        <TextField
          label="Passphrase"
          type="password"
          autoComplete="new-password"
          value={passphrase}
          onChange={setPassphrase}
          isRequired
          description="Protects the secret key on disk. Sifport never stores it; if you forget it, the key is lost."
        />
        <TextField
          label="Passphrase again"
          type="password"
          autoComplete="new-password"
          value={again}
          onChange={setAgain}
          isRequired
          error={mismatch ? 'The two passphrases differ.' : undefined}
        />
        {error ? (
          <Banner tone="danger" title="Could not create the key pair">
            {error.message}
          </Banner>
        ) : null}
      </SheetForm>
    </ActionSheet>
  );
}
