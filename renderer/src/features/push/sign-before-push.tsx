import { useEffect } from 'react';
import { KeyRound } from 'lucide-react';
import { useSifportStore } from '../../store/store.js';
import { Banner } from '../../ui/banner.js';
import { Button } from '../../ui/button.js';
import { Checkbox, TextField } from '../../ui/field.js';
import { Select } from '../../ui/select.js';

/** What the sheet's "Sign before push" holds; the passphrase lives here only until the push. */
export interface SignChoice {
  readonly enabled: boolean;
  readonly fingerprint?: string;
  readonly passphrase: string;
}

/** "ABCD EF01 …": a fingerprint in groups of four for reading. */
function grouped(fingerprint: string): string {
  return fingerprint.replace(/(.{4})/g, '$1 ').trim();
}

/**
 * UI.md S7 "unsigned → Sign before push": a key of the keyring that has its private half and
 * its passphrase (never stored). The desktop app signs a copy beside the file, so the original
 * stays as it was; the browser mode signs its own uploaded copy.
 */
export function SignBeforePush({
  unsigned,
  value,
  onChange,
  disabled,
}: {
  /** Names of the unsigned files the choice applies to. */
  unsigned: readonly string[];
  value: SignChoice;
  onChange: (value: SignChoice) => void;
  disabled: boolean;
}) {
  const keys = useSifportStore((s) => s.keys);
  const loadKeys = useSifportStore((s) => s.loadKeys);
  const desktop = useSifportStore((s) => s.desktopHost);
  const openKeys = () => {
    const { closeDialog, navigate } = useSifportStore.getState();
    closeDialog();
    navigate({ kind: 'keys' });
  };
  useEffect(() => void loadKeys(), [loadKeys]);
  const signing = keys.filter((k) => k.hasPrivate && !k.revoked);
  useEffect(() => {
    if (value.enabled && !value.fingerprint && signing[0]) {
      onChange({ ...value, fingerprint: signing[0].fingerprint });
    }
  }, [value, signing, onChange]);
  if (unsigned.length === 0) return null;
  const which = unsigned.length === 1 ? unsigned[0] : `${unsigned.length} unsigned files`;
  return (
    <Banner
      tone="info"
      title={
        unsigned.length === 1
          ? `${unsigned[0]} is unsigned`
          : `${unsigned.length} files are unsigned`
      }
    >
      <div className="mt-1 flex flex-col gap-2">
        <Checkbox
          isSelected={value.enabled}
          isDisabled={disabled}
          onChange={(enabled) => onChange({ ...value, enabled })}
          hint={
            desktop
              ? `Signs a copy (name.signed.sif beside it) and pushes that; ${which} stays as it is.`
              : `Signs the copy Sifport keeps for the push; ${which} on your disk stays as it is.`
          }
        >
          Sign before push
        </Checkbox>
        {value.enabled && signing.length === 0 ? (
          <div className="flex items-center gap-2 text-sm">
            <KeyRound size={14} aria-hidden />
            No key in the keyring can sign (none has its private half).
            <Button small onPress={openKeys}>
              Open Keys
            </Button>
          </div>
        ) : null}
        {value.enabled && signing.length > 0 ? (
          <div className="grid grid-cols-2 gap-3">
            <Select
              label="Key"
              value={value.fingerprint}
              onChange={(fingerprint) => onChange({ ...value, fingerprint })}
              options={signing.map((k) => ({
                value: k.fingerprint,
                label: k.primaryUserId ?? k.userIds[0] ?? k.keyId,
                detail: grouped(k.fingerprint),
              }))}
            />
            <TextField
              label="Passphrase"
              type="password"
              autoComplete="off"
              value={value.passphrase}
              onChange={(passphrase) => onChange({ ...value, passphrase })}
              isDisabled={disabled}
              description="Unlocks the key for this signature; never stored."
            />
          </div>
        ) : null}
      </div>
    </Banner>
  );
}
