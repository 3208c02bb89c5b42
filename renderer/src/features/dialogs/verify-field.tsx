import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useSifportStore } from '../../store/store.js';
import { Banner } from '../../ui/banner.js';
import { Button } from '../../ui/button.js';
import { Checkbox } from '../../ui/field.js';
import { Select } from '../../ui/select.js';
import { groupFingerprint, keyName } from '../sif-report/signers.js';

/** "Any key" in the signer list: the value the Select holds for it. */
export const ANY_SIGNER = 'any';

/**
 * "Verify after pull" (UI.md S8): on, the pulled image lands only if its signatures verify
 * with the keyring, by the chosen key or by any key there. An empty keyring cannot verify,
 * which is said with the way out (Import key…).
 */
export function VerifyField({
  on,
  onToggle,
  signer,
  onSigner,
}: {
  on: boolean;
  onToggle: (on: boolean) => void;
  /** A fingerprint or {@link ANY_SIGNER}. */
  signer: string;
  onSigner: (signer: string) => void;
}) {
  const { keys, loaded, loadKeys, openKeyImport } = useSifportStore(
    useShallow((s) => ({
      keys: s.keys,
      loaded: s.keysLoaded,
      loadKeys: s.loadKeys,
      openKeyImport: s.openKeyImport,
    })),
  );
  useEffect(() => {
    if (!loaded) void loadKeys();
  }, [loaded, loadKeys]);
  return (
    <div className="flex flex-col gap-2">
      <Checkbox
        isSelected={on}
        onChange={onToggle}
        hint="The image is checked before it is written; one that does not verify is discarded."
      >
        Verify signatures after pull
      </Checkbox>
      {on && loaded && keys.length === 0 ? (
        <Banner
          tone="warning"
          title="Your keyring has no public keys to verify with"
          actions={
            <Button small onPress={() => openKeyImport()}>
              Import key…
            </Button>
          }
        >
          Import the public key of whoever signed the image, then pull again.
        </Banner>
      ) : null}
      {on && keys.length > 0 ? (
        <Select
          label="Signed by"
          value={signer}
          onChange={onSigner}
          options={[
            { value: ANY_SIGNER, label: 'Any key in my keyring' },
            ...keys.map((k) => ({
              value: k.fingerprint,
              label: keyName(k),
              detail: groupFingerprint(k.fingerprint),
            })),
          ]}
        />
      ) : null}
    </div>
  );
}
