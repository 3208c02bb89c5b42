import type { TagDetails } from '../../store/domain.js';

/** What a selection of tags adds up to (UI.md S5 selection bar, S6 "several: totals"). */
export interface SelectionTotals {
  readonly tags: number;
  /** Distinct images among them (tags on one digest are one image). */
  readonly digests: number;
  /** Bytes of the distinct images whose details are loaded. */
  readonly bytes: number;
  /** Tags whose details are not loaded (their size is not in `bytes`). */
  readonly unknown: number;
}

/** Totals of `tags` over what `details` knows; an image counts once however many tags it has. */
export function selectionTotals(
  tags: Iterable<string>,
  details: Readonly<Record<string, TagDetails>> | undefined,
): SelectionTotals {
  const sizes = new Map<string, number>();
  let count = 0;
  let unknown = 0;
  for (const tag of tags) {
    count++;
    const d = details?.[tag];
    if (d?.ok) sizes.set(d.digest, d.size);
    else unknown++;
  }
  let bytes = 0;
  for (const size of sizes.values()) bytes += size;
  return { tags: count, digests: sizes.size, bytes, unknown };
}
