import type { DesktopHooks } from './desktop-hooks.js';
import type { Handlers } from './dispatch.js';

/** The native dialog and reveal channels (UI.md §6 "App"). */
export type DesktopHandlers = Pick<
  Handlers,
  'dialog:openFile' | 'dialog:chooseFolder' | 'shell:reveal'
>;

const SIF_FILTERS = [{ name: 'SIF images', extensions: ['sif'] }];
const ALL_FILES = [{ name: 'All files', extensions: ['*'] }];

/**
 * Native open-file and choose-folder dialogs and "Show in folder", through the host's
 * {@link DesktopHooks}: Electron's dialogs in the desktop app, an UNSUPPORTED refusal that
 * says what to do instead in the browser mode.
 */
export function createDesktopHandlers(desktop: DesktopHooks): DesktopHandlers {
  return {
    'dialog:openFile': async (req) => ({
      paths: await desktop.openFile({
        title: req.title ?? (req.sifOnly ? 'Choose a SIF image' : 'Choose a file'),
        filters: req.sifOnly ? [...SIF_FILTERS, ...ALL_FILES] : ALL_FILES,
        multiple: req.multiple === true,
      }),
    }),
    'dialog:chooseFolder': async (req) => ({
      path: await desktop.chooseFolder({
        title: req.title ?? 'Choose a folder',
        defaultPath: req.defaultPath,
      }),
    }),
    'shell:reveal': async (req) => {
      await desktop.reveal(req.path);
      return {};
    },
  };
}
