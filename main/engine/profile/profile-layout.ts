import { join } from 'node:path';

/**
 * The files of a Sifport profile, one layout for the CLI's configuration directory, the
 * browser mode (which uses the CLI's) and the desktop app's `userData`, so every front end
 * finds accounts, keys, settings and history in the same places.
 */
export const PROFILE_FILES = {
  logins: 'logins.json',
  accounts: 'accounts.json',
  secrets: 'secrets.json',
  digestCache: 'digest-cache.json',
  uploadTuning: 'upload-tuning.json',
  uploadSessions: 'upload-sessions.json',
  settings: 'settings.json',
  transfers: 'transfers.json',
  keys: 'keys',
  uploads: 'uploads',
} as const;

/** Absolute paths of a profile's files under `dir`. */
export type ProfilePaths = { readonly [K in keyof typeof PROFILE_FILES]: string } & {
  readonly dir: string;
};

/** The paths of the profile in `dir`. */
export function profilePaths(dir: string): ProfilePaths {
  const entries = Object.entries(PROFILE_FILES).map(([key, name]) => [key, join(dir, name)]);
  return { dir, ...Object.fromEntries(entries) } as ProfilePaths;
}
