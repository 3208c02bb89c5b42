import { folderSpace } from '../engine/files/folder-space.js';
import type { Handlers } from './dispatch.js';

/** The local-files channels every host answers (UI.md S8 Pull). */
export type FilesHandlers = Pick<Handlers, 'files:space'>;

/**
 * `files:space`: checks a folder a pull would write to and says how much fits there, with
 * the engine's `folderSpace` (statfs), the same probe a pull uses before its first byte.
 */
export function createFilesHandlers(): FilesHandlers {
  return {
    'files:space': async (req) => {
      const space = await folderSpace(req.path, req.names ?? []);
      return {
        path: space.path,
        ...(space.freeBytes === undefined ? {} : { freeBytes: space.freeBytes }),
        existing: [...space.existing],
      };
    },
  };
}
