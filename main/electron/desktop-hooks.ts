import { dialog, shell, type BrowserWindow } from 'electron';
import type { DesktopHooks } from '../app/desktop-hooks.js';

/** The desktop app's native dialogs and file-manager reveal, parented to `window`. */
export function electronDesktopHooks(window: BrowserWindow): DesktopHooks {
  return {
    async openFile({ title, filters, multiple }) {
      const result = await dialog.showOpenDialog(window, {
        title,
        filters: filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })),
        properties: multiple ? ['openFile', 'multiSelections'] : ['openFile'],
      });
      return result.canceled ? [] : result.filePaths;
    },
    async chooseFolder({ title, defaultPath }) {
      const result = await dialog.showOpenDialog(window, {
        title,
        ...(defaultPath ? { defaultPath } : {}),
        properties: ['openDirectory', 'createDirectory'],
      });
      return result.canceled ? undefined : result.filePaths[0];
    },
    async reveal(path) {
      shell.showItemInFolder(path);
    },
  };
}
