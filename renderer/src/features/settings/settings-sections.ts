/**
 * The sections of S13 in order. `id` is what `navigate({ kind: 'settings', section })` names
 * (the status bar's storage badge opens `accounts`); `keywords` let the palette find a
 * section by what it holds.
 */
export const SETTINGS_SECTIONS = [
  { id: 'appearance', label: 'Appearance', keywords: 'theme dark light density units dates' },
  { id: 'notifications', label: 'Notifications', keywords: 'desktop notify' },
  { id: 'transfers', label: 'Transfers', keywords: 'concurrency pull folder verify history' },
  { id: 'accounts', label: 'Accounts & secrets', keywords: 'keyring storage import passwords' },
  { id: 'network', label: 'Network', keywords: 'proxy certificates ca tls insecure http' },
  {
    id: 'advanced',
    label: 'Advanced',
    keywords: 'profile folder version logs reset layout export',
  },
] as const;

/** One section's id. */
export type SettingsSectionId = (typeof SETTINGS_SECTIONS)[number]['id'];

/** True when `id` names a section. */
export function isSettingsSection(id: string | undefined): id is SettingsSectionId {
  return SETTINGS_SECTIONS.some((s) => s.id === id);
}
