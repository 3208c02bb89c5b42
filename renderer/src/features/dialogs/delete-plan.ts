import type { AccountItem, ProviderItem } from '../../store/domain.js';
import type { ErrorState } from '../../store/slice.js';
import { parseTypedReference, type TypedReference } from '../palette/oras-reference.js';

/** One manifest a delete removes, and every tag that goes with it (UI.md S8, Joxit#182). */
export interface DeleteGroup extends Pick<TypedReference, 'registry' | 'repository'> {
  readonly digest: string;
  /** Every tag on the digest, sorted. */
  readonly tags: readonly string[];
  /** Tags the user selected. */
  readonly chosen: readonly string[];
  /** Tags the user did not select that vanish too. */
  readonly siblings: readonly string[];
}

/** The dry run of one reference: its digest and tags, or why it could not be read. */
export type DeleteDryRun =
  | {
      readonly reference: string;
      readonly ok: true;
      readonly digest: string;
      readonly tags: readonly string[];
    }
  | { readonly reference: string; readonly ok: false; readonly error: ErrorState };

/** Codes that mean the registry will not delete, whatever is confirmed. */
const REFUSALS = new Set(['DENIED', 'UNSUPPORTED', 'AUTH_REQUIRED']);

/** The dry runs grouped by manifest: one delete per digest, with what it takes along. */
export function deleteGroups(runs: readonly DeleteDryRun[]): DeleteGroup[] {
  const groups = new Map<
    string,
    { base: Omit<DeleteGroup, 'chosen' | 'siblings'>; chosen: Set<string> }
  >();
  for (const run of runs) {
    if (!run.ok) continue;
    const parts = parseTypedReference(run.reference);
    if (!parts) continue;
    const key = `${parts.registry}/${parts.repository}@${run.digest}`;
    const group = groups.get(key) ?? {
      base: {
        registry: parts.registry,
        repository: parts.repository,
        digest: run.digest,
        tags: [...run.tags].sort(),
      },
      chosen: new Set<string>(),
    };
    if (parts.tag) group.chosen.add(parts.tag);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ base, chosen }) => ({
    ...base,
    chosen: base.tags.filter((t) => chosen.has(t)),
    siblings: base.tags.filter((t) => !chosen.has(t)),
  }));
}

/** What the user types to confirm, or undefined when a press of Delete is enough. */
export function confirmationWord(groups: readonly DeleteGroup[]): string | undefined {
  const tags = groups.reduce((n, g) => n + g.tags.length, 0);
  if (!groups.some((g) => g.siblings.length > 0) && tags <= 10) return undefined;
  const repos = [...new Set(groups.map((g) => g.repository))];
  return repos.length === 1 ? repos[0] : `delete ${tags} tags`;
}

/** `oras://HOST/REPO@DIGEST`: what a real delete is given. */
export function digestReference(group: DeleteGroup): string {
  return `oras://${group.registry}/${group.repository}@${group.digest}`;
}

/**
 * Why the registry cannot delete, before (or after) anything is tried: the account's
 * connection test found deletes refused, the provider does not allow them through the
 * registry API, or a dry run or a delete was refused (`errors`: every error met so far).
 * Undefined when nothing says it cannot.
 */
export function deleteRefusal(
  account: AccountItem | undefined,
  provider: ProviderItem | undefined,
  errors: readonly ErrorState[],
): string | undefined {
  if (account?.capabilities?.tagDelete === false) {
    return `The last connection test of ${account.registry} found that it refuses deletes for ${account.username || 'this account'}; ask its administrator for delete rights.`;
  }
  if (provider?.quirks.tagDelete === false) {
    return `${provider.name} does not delete images through the registry API; delete them in ${provider.name}'s web console or its CLI.`;
  }
  return errors.find((e) => REFUSALS.has(e.code))?.message;
}
