import { DataType, PartType } from './codes.js';
import type { SifDescriptor } from './descriptor.js';
import { SifError } from './errors.js';
import type { SifImage } from './load.js';

/** The descriptor with object ID `id`; throws OBJECT_NOT_FOUND when there is none (spec A5). */
export function findObject(image: SifImage, id: number): SifDescriptor {
  const found = image.descriptors.find((d) => d.id === id);
  if (!found) {
    throw new SifError('OBJECT_NOT_FOUND', `The image has no object with ID ${id}`, { id });
  }
  return found;
}

/** Group IDs used by any object, ascending, without duplicates (spec A5, B5 step 1). */
export function groupIds(image: SifImage): number[] {
  const ids = new Set<number>();
  for (const d of image.descriptors) if (d.groupId !== 0) ids.add(d.groupId);
  return [...ids].sort((a, b) => a - b);
}

/**
 * Every object in group `groupId`, in table order. Like upstream this includes legacy object
 * signatures stored in the group (spec B7, "Beware").
 */
export function groupObjects(image: SifImage, groupId: number): SifDescriptor[] {
  return image.descriptors.filter((d) => d.groupId === groupId);
}

/**
 * Smallest object ID in group `groupId`: the base of relative IDs (spec A5, B2.2). Throws
 * OBJECT_NOT_FOUND when the group is empty.
 */
export function groupMinId(image: SifImage, groupId: number): number {
  let min = Infinity;
  for (const d of image.descriptors) if (d.groupId === groupId && d.id < min) min = d.id;
  if (min === Infinity) {
    throw new SifError('OBJECT_NOT_FOUND', `The image has no object group ${groupId}`, {
      groupId,
    });
  }
  return min;
}

/** Signature objects whose link points at group `groupId` (spec B4, B6 step 3). */
export function signaturesForGroup(image: SifImage, groupId: number): SifDescriptor[] {
  return image.descriptors.filter(
    (d) => d.dataType === DataType.signature && d.linkedIsGroup && d.linkedId === groupId,
  );
}

/** Signature objects whose link points at object `id` (legacy object signatures, spec B7). */
export function signaturesForObject(image: SifImage, id: number): SifDescriptor[] {
  return image.descriptors.filter(
    (d) => d.dataType === DataType.signature && !d.linkedIsGroup && d.linkedId === id,
  );
}

/** The primary system partition (partition type `*System`), if any (spec A5). */
export function primaryPartition(image: SifImage): SifDescriptor | undefined {
  return image.descriptors.find(
    (d) => d.details.kind === 'partition' && d.details.partType === PartType.primarySystem,
  );
}

/** All signature objects, in table order. */
export function signatureObjects(image: SifImage): SifDescriptor[] {
  return image.descriptors.filter((d) => d.dataType === DataType.signature);
}
