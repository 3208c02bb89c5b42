import { lstat, stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { SifportError } from '../errors.js';
import { statfsFreeSpace, type FreeSpaceProbe } from '../transfers/download/disk-space.js';

/** What {@link folderSpace} found about a folder downloads would go to. */
export interface FolderSpace {
  readonly path: string;
  /** Bytes an unprivileged user may still write there; undefined when it cannot be read. */
  readonly freeBytes: number | undefined;
  /** Of the names asked about, those that already exist in the folder (links included). */
  readonly existing: readonly string[];
}

/** A file name, not a path: no separator, not `.` or `..`. */
function plainName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !/[\\/]/.test(name);
}

/**
 * Checks a folder a pull would write to (the window's Pull dialog, UI.md S8): it must be an
 * absolute path to an existing directory. Answers its free space ("needs 3.42 GiB · 120 GiB
 * free") and which of `names` already exist there (for Overwrite). A typed path in the
 * browser mode is validated here, by the host that will write.
 */
export async function folderSpace(
  path: string,
  names: readonly string[] = [],
  probe: FreeSpaceProbe = statfsFreeSpace,
): Promise<FolderSpace> {
  if (!isAbsolute(path)) {
    throw new SifportError('USAGE', `${path} is not an absolute path; give the full folder path.`);
  }
  const st = await stat(path).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT' || err.code === 'ENOTDIR') {
      throw new SifportError(
        'NOT_FOUND',
        `${path} does not exist; create it or choose another folder.`,
      );
    }
    throw new SifportError('FILE_ERROR', `Cannot read ${path}: ${err.code ?? err.message}.`);
  });
  if (!st.isDirectory()) {
    throw new SifportError(
      'FILE_ERROR',
      `${path} is not a folder; choose the folder to pull into.`,
    );
  }
  const existing: string[] = [];
  for (const name of names) {
    if (!plainName(name)) {
      throw new SifportError('USAGE', `"${name}" is not a file name; a name cannot hold a folder.`);
    }
    if (
      await lstat(join(path, name)).then(
        () => true,
        () => false,
      )
    )
      existing.push(name);
  }
  return { path, freeBytes: await probe(path), existing };
}
