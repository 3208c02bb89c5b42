import type { Settings } from '../../../../shared/settings-contract.js';

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** The palette a theme setting means now: "system" follows the OS (or Electron's themeSource). */
export function resolveTheme(theme: Settings['theme'], systemDark: boolean): 'light' | 'dark' {
  return theme === 'system' ? (systemDark ? 'dark' : 'light') : theme;
}

/**
 * Draws the whole page again. After a theme switch Chromium repaints most text in its new
 * colour but leaves some inline children (a <strong>, <code>, a radio's label inside an open
 * dialog) in the old one until something else repaints them: dark text on the dark theme.
 * Taking the tree out of layout for a moment redraws everything; theme switches are rare.
 */
function repaintAll(root: HTMLElement): void {
  const display = root.style.display;
  root.style.display = 'none';
  void root.offsetHeight;
  root.style.display = display;
}

/**
 * Keeps `data-theme` and `data-density` on <html> in step with the settings and, for
 * "system", with `prefers-color-scheme`. Returns a function that stops following the OS.
 */
export function applyAppearance(settings: Pick<Settings, 'theme' | 'density'>): () => void {
  const root = document.documentElement;
  const media = window.matchMedia(DARK_QUERY);
  const apply = () => {
    const theme = resolveTheme(settings.theme, media.matches);
    const changed = root.dataset['theme'] !== undefined && root.dataset['theme'] !== theme;
    root.dataset['theme'] = theme;
    root.dataset['density'] = settings.density;
    if (changed) repaintAll(root);
  };
  apply();
  media.addEventListener('change', apply);
  return () => media.removeEventListener('change', apply);
}
