import { useState } from 'react';
import { FileTrigger } from 'react-aria-components';
import { FileUp } from 'lucide-react';
import { useShallow } from 'zustand/react/shallow';
import type { KeyItem } from '../../store/domain.js';
import { useSifportStore } from '../../store/store.js';
import { Banner } from '../../ui/banner.js';
import { Button } from '../../ui/button.js';
import { ActionSheet } from '../../ui/sheet-actions.js';
import { TextField } from '../../ui/field.js';
import { groupFingerprint, keyIdOf, keyName } from '../sif-report/signers.js';
import { useSheetAction } from '../dialogs/use-sheet-action.js';
import { algorithmLabel } from './key-format.js';

const ARMOUR = '-----BEGIN PGP';

/** The keys an armour holds, as the user checks them before importing. */
function Preview({ keys, wanted }: { keys: readonly KeyItem[]; wanted?: string }) {
  const stored = useSifportStore((s) => s.keys);
  const notes = (k: KeyItem): string[] => {
    const had = stored.find((x) => x.fingerprint === k.fingerprint);
    return [
      algorithmLabel(k),
      ...(had
        ? [
            had.hasPrivate || !k.hasPrivate
              ? 'already in your keyring'
              : 'adds its secret key to your keyring',
          ]
        : []),
      ...(wanted && k.fingerprint.toUpperCase() === wanted.toUpperCase()
        ? ['the signer you were looking for']
        : []),
    ];
  };
  return (
    <ul aria-label="Keys to import" className="m-0 flex list-none flex-col gap-2 p-0">
      {keys.map((k) => (
        <li key={k.fingerprint} className="rounded-md border border-line px-3 py-2">
          <div className="font-medium">
            {keyName(k)}
            {k.hasPrivate ? (
              <span className="ml-2 text-sm text-warning">with secret key</span>
            ) : null}
          </div>
          <div className="font-mono text-sm">{groupFingerprint(k.fingerprint)}</div>
          <div className="text-sm text-muted">{notes(k).join(' · ')}</div>
        </li>
      ))}
    </ul>
  );
}

/**
 * Import keys (UI.md S12): choose an armoured file or paste the armour, see every key's
 * fingerprint (`keys:import` with `preview`, which stores nothing), then confirm. A secret
 * key needs its passphrase (checked, or used to protect a key that has none).
 */
export function ImportKeySheet({ wanted, onClose }: { wanted?: string; onClose: () => void }) {
  const { previewKeys, importKeys } = useSifportStore(
    useShallow((s) => ({ previewKeys: s.previewKeys, importKeys: s.importKeys })),
  );
  const [armored, setArmored] = useState('');
  const [preview, setPreview] = useState<readonly KeyItem[] | undefined>();
  const [passphrase, setPassphrase] = useState('');
  const { busy, error, run } = useSheetAction();
  const secret = preview?.some((k) => k.hasPrivate) ?? false;

  const check = (text: string) =>
    run(async () => {
      if (!text.includes(ARMOUR)) {
        throw new Error(
          'This is not an ASCII-armoured key. Export it with `gpg --armor --export` (or `apptainer key export --armor`) and try again.',
        );
      }
      setPreview(await previewKeys(text));
    });
  const confirm = () =>
    run(async () => {
      await importKeys(armored, secret ? passphrase : undefined);
      onClose();
    });
  const choose = (files: FileList | null) => {
    const file = files?.[0];
    if (!file) return;
    void file.text().then((text) => {
      setArmored(text);
      void check(text);
    });
  };
  return (
    <ActionSheet
      title="Import keys"
      width="md"
      description={
        wanted
          ? `Looking for the signer ${keyIdOf(wanted)}: get its public key from the person or project that signed the image, then choose or paste it here.`
          : 'Public keys of others let you verify their images; your own secret key lets you sign.'
      }
      onClose={onClose}
      busy={busy}
      busyLabel="Reading the keys…"
      action={
        preview ? (
          <Button
            variant="primary"
            onPress={() => void confirm()}
            isDisabled={busy || (secret && passphrase === '')}
          >
            {`Import ${preview.length} key${preview.length === 1 ? '' : 's'}`}
          </Button>
        ) : (
          <Button
            variant="primary"
            onPress={() => void check(armored)}
            isDisabled={busy || armored.trim() === ''}
          >
            Preview
          </Button>
        )
      }
    >
      <div className="flex flex-col gap-4">
        <div className="flex items-center gap-2">
          <FileTrigger acceptedFileTypes={['.asc', '.pub', '.key', '.txt']} onSelect={choose}>
            <Button>
              <FileUp size={14} aria-hidden />
              Choose a key file…
            </Button>
          </FileTrigger>
          <span className="text-muted">or paste the armour below</span>
        </div>
        <TextField
          label="Key armour"
          multiline
          value={armored}
          onChange={(text) => {
            setArmored(text);
            setPreview(undefined);
          }}
          placeholder="-----BEGIN PGP PUBLIC KEY BLOCK-----"
        />
        {preview ? <Preview keys={preview} wanted={wanted} /> : null}
        {secret ? (
          <TextField
            label="Passphrase of the secret key"
            type="password"
            autoComplete="off"
            value={passphrase}
            onChange={setPassphrase}
            description="Checks the key before it is stored; a key without one is protected with it. Never stored."
          />
        ) : null}
        {error ? (
          <Banner tone="danger" title="Could not import">
            {error.message}
          </Banner>
        ) : null}
      </div>
    </ActionSheet>
  );
}
