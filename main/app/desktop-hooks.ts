import { SifportError } from '../engine/errors.js';

/** A file-type filter of an open dialog (`{name: 'SIF images', extensions: ['sif']}`). */
export interface FileFilter {
  readonly name: string;
  readonly extensions: readonly string[];
}

/**
 * What only a desktop host can do for the window (UI.md §6 "App"): native open-file and
 * choose-folder dialogs, and showing a file in the system's file manager. The Electron shell
 * implements it with `dialog` and `shell`; the browser mode has none and says so.
 */
export interface DesktopHooks {
  /** Paths the user chose (empty when cancelled). */
  openFile(options: {
    readonly title: string;
    readonly filters: readonly FileFilter[];
    readonly multiple: boolean;
  }): Promise<string[]>;
  /** The folder the user chose, or undefined when cancelled. */
  chooseFolder(options: {
    readonly title: string;
    readonly defaultPath?: string | undefined;
  }): Promise<string | undefined>;
  /** Shows `path` in the file manager. */
  reveal(path: string): Promise<void>;
}

/**
 * The browser mode's {@link DesktopHooks}: a page in a browser has its own file picker and
 * drop target, so each native action is refused with what to do instead.
 */
export const BROWSER_DESKTOP_HOOKS: DesktopHooks = {
  openFile: async () => {
    throw new SifportError(
      'UNSUPPORTED',
      'The browser mode has no native file dialog: drop the file on the window or use its file picker.',
    );
  },
  chooseFolder: async () => {
    throw new SifportError(
      'UNSUPPORTED',
      'The browser mode has no native folder dialog: type the folder path instead.',
    );
  },
  reveal: async () => {
    throw new SifportError(
      'UNSUPPORTED',
      'The browser mode cannot open a file manager: the path is shown to copy instead.',
    );
  },
};
