import { SifportError } from '../errors.js';
import { openFileSource, readSifHeader, isSifError, type SifHeader } from '../sif/index.js';

/**
 * Reads the SIF header of a local file, refusing anything that is not a SIF with a message
 * that says so (NOT_A_SIF), as `apptainer push` does.
 */
export async function requireSifFile(path: string): Promise<SifHeader> {
  let source;
  try {
    source = await openFileSource(path);
  } catch (err) {
    throw new SifportError('FILE_ERROR', `Cannot open ${path}: ${(err as Error).message}`, {
      cause: err,
    });
  }
  try {
    return await readSifHeader(source);
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
