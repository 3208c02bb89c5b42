import { baseName } from '../push/push-names.js';

/**
 * Local path helpers the window needs without Node's `path` (the renderer runs in a page):
 * paths come from the host as it wrote them, `/` or `\` separated.
 */

/** The folder part of a path, with its trailing separator (`/data/`), or '' when none. */
export function folderOf(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut < 0 ? '' : path.slice(0, cut + 1);
}

/** Where "Sign a copy" writes by default: beside the file, `bwa_0.7.18-signed.sif`. */
export function signedCopyPath(path: string): string {
  const name = baseName(path);
  const stem = name.replace(/\.sif$/i, '');
  return `${folderOf(path)}${stem}-signed.sif`;
}

/** `folder` and `name` joined with the folder's own separator. */
export function joinPath(folder: string, name: string): string {
  if (folder === '') return name;
  const sep = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return folder.endsWith('/') || folder.endsWith('\\')
    ? `${folder}${name}`
    : `${folder}${sep}${name}`;
}
