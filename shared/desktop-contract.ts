import { z } from 'zod';

/**
 * What only the desktop host can do for the window (UI.md §6 "App"): native open-file and
 * choose-folder dialogs, and showing a file in the file manager. The browser mode answers
 * each with UNSUPPORTED and what to do instead. `files:space` works in both: it checks a
 * folder the host will write to (the Pull dialog's destination).
 */
const title = z.string().max(200);
const folder = z.string().min(1).max(4096);

export const desktopChannels = {
  'dialog:openFile': {
    request: z.object({
      title: title.optional(),
      /** Offer only `.sif` files (the push and inspect dialogs). */
      sifOnly: z.boolean().optional(),
      multiple: z.boolean().optional(),
    }),
    /** Empty when the user cancelled. */
    response: z.object({ paths: z.array(z.string()) }),
  },
  'dialog:chooseFolder': {
    request: z.object({ title: title.optional(), defaultPath: z.string().max(4096).optional() }),
    /** Absent when the user cancelled. */
    response: z.object({ path: z.string().optional() }),
  },
  'files:space': {
    request: z.object({
      /** An absolute path to an existing folder. */
      path: folder,
      /** File names to look for in it (the pull's file names, for Overwrite). */
      names: z.array(z.string().min(1).max(255)).max(100).optional(),
    }),
    response: z.object({
      path: z.string(),
      /** Bytes this user may still write there (statfs); absent when unknown. */
      freeBytes: z.number().nonnegative().optional(),
      /** Those of `names` that already exist in the folder. */
      existing: z.array(z.string()),
    }),
  },
  'shell:reveal': {
    request: z.object({ path: z.string().min(1).max(4096) }),
    response: z.object({}),
  },
} as const;
