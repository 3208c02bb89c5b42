import type { ByteTarget } from '../format/byte-source.js';
import { DataType } from '../format/codes.js';
import { SifError } from '../format/errors.js';
import { UNSET_TIME } from '../format/layout.js';
import { loadSif } from '../format/load.js';
import { findObject, signatureObjects } from '../format/select.js';
import { isDeterministicImage, removeObject } from '../format/write.js';

/** Options for {@link removeSignatures}. */
export interface RemoveSignaturesOptions {
  /** Signature object IDs to remove; all signatures when omitted. */
  readonly ids?: readonly number[];
  /** Clock for the header's modified time (default: the system clock). */
  readonly now?: () => Date;
}

/**
 * Removes signature objects in place (spec A8 "Deleting"), last-placed first so each one that
 * sits at the end of the file is cut off. Removing the signatures `signSif` just added, with
 * the clock set to the image's previous modified time, gives back the original bytes exactly.
 * Returns the IDs removed.
 */
export async function removeSignatures(
  target: ByteTarget,
  options: RemoveSignaturesOptions = {},
): Promise<number[]> {
  let image = await loadSif(target);
  const chosen = options.ids
    ? options.ids.map((id) => findObject(image, id))
    : signatureObjects(image);
  for (const d of chosen) {
    if (d.dataType !== DataType.signature) {
      throw new SifError('USAGE', `Object ${d.id} is a ${d.dataTypeName}, not a signature`, {
        id: d.id,
      });
    }
  }
  const date = (options.now ?? (() => new Date()))();
  const time = isDeterministicImage(image) ? UNSET_TIME : Math.floor(date.getTime() / 1000);
  const ordered = [...chosen].sort((a, b) => b.offset - a.offset);
  for (const d of ordered) image = await removeObject(target, image, d.id, { time });
  return ordered.map((d) => d.id);
}
