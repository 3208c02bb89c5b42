/** What Electron's `safeStorage` reports on Linux (`getSelectedStorageBackend()`). */
export type LinuxSecretBackend =
  'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown';

/** The facts the decision rests on, gathered by the shell (main/electron/secret-store.ts). */
export interface SecretStorageFacts {
  readonly platform: NodeJS.Platform;
  /** `await safeStorage.isAsyncEncryptionAvailable()`. */
  readonly encryptionAvailable: boolean;
  /** Linux only: `safeStorage.getSelectedStorageBackend()`. */
  readonly linuxBackend?: LinuxSecretBackend | undefined;
  /** The user agreed to keep secrets with weak (basic_text) protection on disk. */
  readonly allowWeakStorage: boolean;
}

/** How secrets will be kept, stated honestly for the accounts screen (issue #4). */
export interface SecretStorageDecision {
  /** `persistent`: encrypted on disk; `session-only`: in memory until the app quits. */
  readonly mode: 'persistent' | 'session-only';
  /** `os`: the platform keychain protects the key; `weak`: a fixed key (basic_text). */
  readonly protection: 'os' | 'weak' | 'none';
  /** Human name of the backend (`macOS Keychain`, `GNOME libsecret`, `basic_text`…). */
  readonly backend: string;
  /** One sentence for the user: what happens and, when weak, what to do about it. */
  readonly explanation: string;
}

const LINUX_NAMES: Readonly<Record<LinuxSecretBackend, string>> = {
  gnome_libsecret: 'GNOME libsecret',
  kwallet: 'KWallet',
  kwallet5: 'KWallet 5',
  kwallet6: 'KWallet 6',
  basic_text: 'basic_text (no keyring)',
  unknown: 'unknown',
};

/**
 * Decides where the app keeps secrets (DESIGN "Security posture", issue #4): with the OS
 * keychain (macOS Keychain, Windows DPAPI, a Linux keyring) encrypted on disk; on Linux
 * without a keyring (`basic_text`, `unknown`) never silently weak: session-only unless the
 * user opted in; without encryption at all, session-only.
 */
export function decideSecretStorage(facts: SecretStorageFacts): SecretStorageDecision {
  const sessionOnly = (backend: string, why: string): SecretStorageDecision => ({
    mode: 'session-only',
    protection: 'none',
    backend,
    explanation: `${why} Logins are kept in memory and forgotten when Sifport quits.`,
  });
  if (!facts.encryptionAvailable) {
    return sessionOnly('unavailable', 'The system offers no encryption for saved secrets.');
  }
  if (facts.platform === 'darwin' || facts.platform === 'win32') {
    const backend = facts.platform === 'darwin' ? 'macOS Keychain' : 'Windows DPAPI';
    return {
      mode: 'persistent',
      protection: 'os',
      backend,
      explanation: `Secrets are encrypted with a key held by the ${backend}.`,
    };
  }
  const linux = facts.linuxBackend ?? 'unknown';
  const name = LINUX_NAMES[linux];
  if (linux !== 'basic_text' && linux !== 'unknown') {
    return {
      mode: 'persistent',
      protection: 'os',
      backend: name,
      explanation: `Secrets are encrypted with a key held by ${name}.`,
    };
  }
  if (!facts.allowWeakStorage) {
    return sessionOnly(
      name,
      'No keyring (GNOME Keyring or KWallet) was found, so saved secrets would be protected only by a fixed key.',
    );
  }
  return {
    mode: 'persistent',
    protection: 'weak',
    backend: name,
    explanation:
      'You chose to save secrets without a keyring: anyone who can read your files can recover them. Install GNOME Keyring or KWallet to protect them.',
  };
}
