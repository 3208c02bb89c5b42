import { SifportError } from '../errors.js';
import {
  isSifError,
  loadSif,
  openFileSource,
  readSifHeader,
  type ByteSource,
  type SifHeader,
} from '../sif/index.js';

/**
 * Reads the SIF header of a local file, refusing anything that is not a SIF with a message
 * that says so (NOT_A_SIF), as `apptainer push` does. Checks the header only; see
 * {@link requireValidSif} for the structural check push makes.
 */
export function requireSifFile(path: string): Promise<SifHeader> {
  return withSifSource(path, readSifHeader);
}

/**
 * Loads the header and descriptor table of a local file with the same structural checks as
 * `inspect`, `verify` and `sign` (spec A7: truncation, overlaps, objects past the end, absurd
 * descriptor counts, duplicate IDs), so push never uploads an image those would refuse.
 * Object data is not read. Refuses with NOT_A_SIF, naming what is wrong.
 */
export async function requireValidSif(path: string): Promise<SifHeader> {
  return withSifSource(path, async (source) => (await loadSif(source)).header);
}

async function withSifSource<T>(
  path: string,
  check: (source: ByteSource) => Promise<T>,
): Promise<T> {
  let source;
  try {
    source = await openFileSource(path);
  } catch (err) {
    throw new SifportError('FILE_ERROR', `Cannot open ${path}: ${(err as Error).message}`, {
      cause: err,
    });
  }
  try {
    return await check(source);
  } catch (err) {
    if (isSifError(err)) {
      throw new SifportError(
        'NOT_A_SIF',
        `${path} is not a SIF image (${err.message}). Build one with \`apptainer build\`; only SIF files can be pushed.`,
        { cause: err },
      );
    }
    throw err;
  } finally {
    await source.close();
  }
}
