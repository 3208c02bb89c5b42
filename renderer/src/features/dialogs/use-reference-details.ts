import { useEffect, useState } from 'react';
import type { TagDetails } from '../../store/domain.js';
import { errorState, type ErrorState } from '../../store/slice.js';
import { useSifportStore } from '../../store/store.js';

/** The details of a dialog's references: size, digest, kind, as the grid shows them. */
export interface ReferenceDetails {
  readonly status: 'loading' | 'done' | 'failed';
  /** By `oras://HOST/REPO:TAG`. */
  readonly details: ReadonlyMap<string, TagDetails>;
  readonly error?: ErrorState;
}

/** The repository-and-tag key `describeReferences` answers under, for a reference. */
export function detailsKey(reference: string): string {
  return reference.replace(/^(?!oras:\/\/)/, 'oras://');
}

/** Sum of the known sizes and how many are not known (digest references, failures). */
export function totalSize(
  references: readonly string[],
  details: ReadonlyMap<string, TagDetails>,
): { readonly bytes: number; readonly unknown: number } {
  let bytes = 0;
  let unknown = 0;
  for (const reference of references) {
    const d = details.get(detailsKey(reference));
    if (d?.ok) bytes += d.size;
    else unknown++;
  }
  return { bytes, unknown };
}

/** Loads the details of `references` once, for sizes and checks in the S8 dialogs. */
export function useReferenceDetails(references: readonly string[]): ReferenceDetails {
  const describe = useSifportStore((s) => s.describeReferences);
  const [state, setState] = useState<ReferenceDetails>({ status: 'loading', details: new Map() });
  const key = references.join('\n');
  useEffect(() => {
    let live = true;
    describe(key.split('\n')).then(
      (details) => live && setState({ status: 'done', details }),
      (err: unknown) =>
        live && setState({ status: 'failed', details: new Map(), error: errorState(err) }),
    );
    return () => {
      live = false;
    };
  }, [describe, key]);
  return state;
}
