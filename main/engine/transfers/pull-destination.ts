import { lstat, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { SifportError } from '../errors.js';
import type { Descriptor } from '../registry/artifact/sif-layer.js';
import type { Reference } from '../registry/reference.js';

/** Longest file name (bytes) most file systems allow. */
const NAME_MAX = 255;

/** C0 and C1 control characters and DEL: never part of a file name we make. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Refuses a title that cannot be a file name as it is, rather than failing later with an
 * ENAMETOOLONG or making a name with a newline or a terminal escape in it (issue #10).
 */
function checkTitle(title: string): void {
  const advice = 'give the file to write as the destination instead of a folder';
  if (CONTROL.test(title)) {
    throw new SifportError(
      'FILE_ERROR',
      `The image's file name (its org.opencontainers.image.title annotation, ${JSON.stringify(title.slice(0, 60))}) holds control characters, so it is not used; ${advice}.`,
    );
  }
  const bytes = Buffer.byteLength(title);
  if (bytes > NAME_MAX) {
    throw new SifportError(
      'FILE_ERROR',
      `The image's file name (its org.opencontainers.image.title annotation, ${title.length} characters, ${bytes} bytes) is too long for a file name (${NAME_MAX} bytes at most); ${advice}.`,
    );
  }
}

/**
 * The file a pull writes: `destination` itself, or inside it when it is a folder, under the
 * layer's title when that is a plain file name (else `REPO_TAG.sif`). A title with control
 * characters or longer than a file name may be is refused (FILE_ERROR), not made into a name.
 */
export async function destinationPath(
  destination: string,
  reference: Reference,
  layer: Descriptor,
): Promise<string> {
  const st = await stat(destination).catch(() => undefined);
  if (st?.isDirectory()) {
    const title = layer.annotations?.['org.opencontainers.image.title'];
    if (title) checkTitle(title);
    const safe =
      title && basename(title) === title && !title.startsWith('.')
        ? title
        : `${basename(reference.repository)}_${reference.tag ?? 'latest'}.sif`;
    return join(destination, safe);
  }
  return destination;
}

/** The refusal to replace a file without `--force`. */
export function alreadyExists(target: string): SifportError {
  return new SifportError(
    'FILE_ERROR',
    `${target} already exists. Remove it or pass --force to replace it.`,
  );
}

/** True when anything is at `path`, a dangling symbolic link included. */
export async function exists(path: string): Promise<boolean> {
  return (await lstat(path).catch(() => undefined)) !== undefined;
}
