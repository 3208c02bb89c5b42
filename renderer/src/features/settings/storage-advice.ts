import type { SecretStorageInfo } from '../../store/domain.js';

/** The executable of the desktop packages (electron-builder.yml `executableName`). */
const DESKTOP_COMMAND = 'sifport-desktop';

/** What Settings says about how secrets are kept, and what to do when it is not good enough. */
export interface StorageAdvice {
  readonly tone: 'success' | 'warning';
  /** Where secrets live, in words ("On disk, encrypted"). */
  readonly kept: string;
  /** What protects them, in words. */
  readonly protection: string;
  /** The fix, step by step; empty when nothing needs fixing. */
  readonly steps: readonly string[];
  /** Commands for the steps, to copy. */
  readonly commands: readonly string[];
}

const PROTECTION: Readonly<Record<SecretStorageInfo['protection'], string>> = {
  os: 'A key held by the system keychain',
  weak: 'Weak: anyone who can read your files can recover them',
  none: 'None needed: nothing is written to disk',
};

/**
 * The advice of UI.md S13 "Accounts & secrets" for `storage`: nothing when the OS keychain
 * protects secrets; the `--password-store` switch, a keyring to install and the explicit
 * weak-storage opt-in on a Linux desktop without a keyring; and for the browser mode, which
 * keeps logins as the CLI does, where encrypted storage is found instead.
 */
export function storageAdvice(storage: SecretStorageInfo): StorageAdvice {
  const kept =
    storage.mode === 'session-only'
      ? 'In memory, forgotten when Sifport quits'
      : storage.protection === 'os'
        ? 'On disk, encrypted'
        : 'On disk';
  const base = { kept, protection: PROTECTION[storage.protection] };
  if (storage.protection === 'os') return { ...base, tone: 'success', steps: [], commands: [] };
  if (storage.backend.startsWith('file')) {
    return {
      ...base,
      tone: 'warning',
      steps: [
        'The browser mode shares its profile with the sifport CLI, which keeps logins in a file only your user can read.',
        'For logins encrypted by your system keychain, use the desktop app, which keeps accounts of its own.',
      ],
      commands: [],
    };
  }
  const noKeyring = /basic_text|unknown/.test(storage.backend);
  if (!noKeyring) {
    return {
      ...base,
      tone: 'warning',
      steps: [
        'The system offered no encryption to this session. Log in to a desktop session with its keychain unlocked, then restart Sifport.',
      ],
      commands: [],
    };
  }
  const steps = [
    'Install and unlock a keyring (GNOME Keyring or KWallet), then restart Sifport.',
    'If one runs but was not detected, name it when you start Sifport.',
  ];
  const commands = [
    `${DESKTOP_COMMAND} --password-store=gnome-libsecret`,
    `${DESKTOP_COMMAND} --password-store=kwallet6`,
  ];
  if (storage.mode === 'session-only') {
    steps.push(
      'Or save logins anyway with weak protection (a fixed key): start Sifport with this variable set. Anyone who can read your files could then recover them.',
    );
    commands.push(`SIFPORT_ALLOW_WEAK_SECRETS=1 ${DESKTOP_COMMAND}`);
  }
  return { ...base, tone: 'warning', steps, commands };
}
