import { useEffect } from 'react';
import { FileUp, KeyRound, Plus } from 'lucide-react';
import { useShallow } from 'zustand/react/shallow';
import type { KeyItem } from '../../store/domain.js';
import { useSifportStore } from '../../store/store.js';
import { useStoreFields } from '../../store/use-store-fields.js';
import { Banner } from '../../ui/banner.js';
import { Button } from '../../ui/button.js';
import { CommandBlock, CopyButton } from '../../ui/copy-button.js';
import { EmptyState } from '../../ui/empty-state.js';
import { Spinner } from '../../ui/spinner.js';
import { saveText } from '../sif-report/save-text.js';
import { ExportSecretSheet } from './export-secret-sheet.js';
import { ImportKeySheet } from './import-key-sheet.js';
import { exportFileName } from './key-format.js';
import { KeysTable } from './keys-table.js';
import { NewKeySheet } from './new-key-sheet.js';
import { RemoveKeySheet } from './remove-key-sheet.js';

/** The sheet the slice asks for, over the table. */
function KeySheetHost({ keys }: { keys: readonly KeyItem[] }) {
  const { sheet, open } = useSifportStore(
    useShallow((s) => ({ sheet: s.keySheet, open: s.openKeySheet })),
  );
  const close = () => open(undefined);
  if (!sheet) return null;
  if (sheet.kind === 'new') return <NewKeySheet onClose={close} />;
  if (sheet.kind === 'import') return <ImportKeySheet wanted={sheet.fingerprint} onClose={close} />;
  const keyItem = keys.find((k) => k.fingerprint === sheet.fingerprint);
  if (!keyItem) return null;
  if (sheet.kind === 'export') return <ExportSecretSheet keyItem={keyItem} onClose={close} />;
  return <RemoveKeySheet keyItem={keyItem} onClose={close} />;
}

/** Where the keys live, and the truth about apptainer's own keyring. */
function KeyringNote({ path }: { path: string | undefined }) {
  return (
    <div className="flex flex-col gap-2 text-sm text-muted">
      {path ? (
        <div className="flex items-center gap-1">
          <span>Keyring folder:</span>
          <span className="truncate font-mono text-text" title={path}>
            {path}
          </span>
          <CopyButton text={path} label="Copy the keyring folder" />
        </div>
      ) : null}
      <p className="m-0">
        This is Sifport&apos;s own keyring (shared with{' '}
        <code className="font-mono">sifport keys</code>
        ). <code className="font-mono">apptainer key list</code> reads apptainer&apos;s keyring in{' '}
        <code className="font-mono">~/.apptainer/keys</code> instead, so keys made here are not
        listed there until you export them and run:
      </p>
      <CommandBlock command="apptainer key import FILE.asc" label="apptainer key import" />
    </div>
  );
}

/**
 * Keys (UI.md S12): the keyring as a table with New pair, Import, Export and Remove; the
 * empty state explains signing (your secret key) against verifying (others' public keys).
 */
export function KeysView() {
  const state = useStoreFields('keys', 'keysLoaded', 'keysError', 'keyringPath', 'refreshCount');
  const act = useStoreFields('loadKeys', 'openKeySheet', 'exportKey', 'announce');
  const { loadKeys: load } = act;
  useEffect(() => void load(), [load, state.refreshCount]);
  const exportPublic = (key: KeyItem) =>
    void act.exportKey(key.fingerprint, false).then(
      ({ armored }) => {
        const name = exportFileName(key, false);
        saveText(name, armored, 'application/pgp-keys');
        act.announce(`Public key saved as ${name}.`);
      },
      (err: Error) => act.announce(`Could not export the key: ${err.message}`, 'assertive'),
    );
  const actions = (
    <>
      <Button variant="primary" onPress={() => act.openKeySheet({ kind: 'new' })}>
        <Plus size={14} aria-hidden />
        New key pair…
      </Button>
      <Button onPress={() => act.openKeySheet({ kind: 'import' })}>
        <FileUp size={14} aria-hidden />
        Import…
      </Button>
    </>
  );
  let body;
  if (state.keysError) {
    body = (
      <Banner
        tone="danger"
        title="Could not read the keyring"
        actions={<Button onPress={() => void load()}>Retry</Button>}
      >
        {state.keysError.message}
      </Banner>
    );
  } else if (!state.keysLoaded) {
    body = <Spinner label="Reading the keyring…" />;
  } else if (state.keys.length === 0) {
    body = (
      <EmptyState icon={<KeyRound size={32} />} title="No keys yet" actions={actions}>
        <p className="m-0">
          <strong className="text-text">To sign</strong> your images you need a key pair of your
          own: its secret key signs, and you share its public key.
        </p>
        <p className="m-0 mt-2">
          <strong className="text-text">To verify</strong> images others signed, import their public
          keys. Verifying never needs a secret key.
        </p>
      </EmptyState>
    );
  } else {
    body = <KeysTable keys={state.keys} onExportPublic={exportPublic} onSheet={act.openKeySheet} />;
  }
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <header className="flex items-center gap-2 border-b border-line px-4 py-3">
        <h2 className="m-0 flex-1 text-lg font-semibold">Keys</h2>
        {state.keys.length > 0 ? actions : null}
      </header>
      <div className="min-h-0 flex-1 overflow-auto">
        <div className="p-4">{body}</div>
        <div className="border-t border-line px-4 py-3">
          <KeyringNote path={state.keyringPath} />
        </div>
      </div>
      <KeySheetHost keys={state.keys} />
    </div>
  );
}
