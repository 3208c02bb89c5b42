import type { Settings } from '../../../../shared/settings-contract.js';

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** The palette a theme setting means now: "system" follows the OS (or Electron's themeSource). */
export function resolveTheme(theme: Settings['theme'], systemDark: boolean): 'light' | 'dark' {
  return theme === 'system' ? (systemDark ? 'dark' : 'light') : theme;
}

/**
 * Keeps `data-theme` and `data-density` on <html> in step with the settings and, for
 * "system", with `prefers-color-scheme`. Returns a function that stops following the OS.
 */
export function applyAppearance(settings: Pick<Settings, 'theme' | 'density'>): () => void {
  const root = document.documentElement;
  const media = window.matchMedia(DARK_QUERY);
  const apply = () => {
    root.dataset['theme'] = resolveTheme(settings.theme, media.matches);
    root.dataset['density'] = settings.density;
  };
  apply();
  media.addEventListener('change', apply);
  return () => media.removeEventListener('change', apply);
}
