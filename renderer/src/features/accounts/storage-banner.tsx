import { useSifportStore } from '../../store/store.js';
import { Banner } from '../../ui/banner.js';
import { CommandBlock } from '../../ui/copy-button.js';

/** Backends where the fix is a keyring for Chromium's `--password-store` (Linux). */
const NO_KEYRING = /basic_text|unknown|unavailable/;

/**
 * The S1 banner when secrets are kept only for this session or weakly (UI.md S1): the
 * host's explanation verbatim, then the fix. The opt-in to weak storage exists only at start
 * (`SIFPORT_ALLOW_WEAK_SECRETS=1`); the window says so rather than offer a switch it lacks.
 */
export function StorageBanner() {
  const storage = useSifportStore((s) => s.storage);
  if (!storage || storage.protection === 'os') return null;
  const keyringFix = NO_KEYRING.test(storage.backend);
  if (storage.mode === 'session-only') {
    return (
      <Banner tone="warning" title="Logins are kept only until Sifport quits">
        <p className="m-0">{storage.explanation}</p>
        {keyringFix ? (
          <div className="mt-2 flex flex-col gap-1.5">
            <p className="m-0">
              To keep them encrypted, start a keyring (GNOME Keyring or KWallet) and start Sifport
              with it named:
            </p>
            <CommandBlock
              command="sifport-desktop --password-store=gnome-libsecret"
              label="start with GNOME Keyring"
            />
            <p className="m-0">
              Or allow weak storage (anyone who can read your files can read them): start Sifport
              once with
            </p>
            <CommandBlock
              command="SIFPORT_ALLOW_WEAK_SECRETS=1 sifport-desktop"
              label="allow weak storage"
            />
          </div>
        ) : null}
      </Banner>
    );
  }
  return (
    <Banner
      tone={keyringFix ? 'warning' : 'info'}
      title={keyringFix ? 'Logins are saved without a keyring' : 'Where logins are saved'}
    >
      <p className="m-0">{storage.explanation}</p>
      {keyringFix ? (
        <div className="mt-2">
          <CommandBlock
            command="sifport-desktop --password-store=gnome-libsecret"
            label="start with GNOME Keyring"
          />
        </div>
      ) : null}
    </Banner>
  );
}
