/**
 * Token scopes (`repository:NAME:pull,push`, `registry:catalog:*`), kept as a map from
 * resource to actions so that actions of one repository merge into one scope string
 * (some token servers reject two scopes naming the same repository; oras.md §4.4).
 */
export type ScopeSet = ReadonlyMap<string, ReadonlySet<string>>;

/** Scope for pulling from `repository`. */
export function pullScope(repository: string): string {
  return `repository:${repository}:pull`;
}

/** Scope for pushing to `repository` (push needs pull for the HEAD checks). */
export function pushScope(repository: string): string {
  return `repository:${repository}:pull,push`;
}

/** Scope for deleting manifests in `repository` (distribution wants `delete`, not `push`). */
export function deleteScope(repository: string): string {
  return `repository:${repository}:pull,delete`;
}

/** Scope for listing the catalog. */
export const CATALOG_SCOPE = 'registry:catalog:*';

/** Splits at the first and the last colon: names may hold `host:port`. */
function splitScope(scope: string): [string, string[]] | undefined {
  const first = scope.indexOf(':');
  const last = scope.lastIndexOf(':');
  if (first < 0 || last === first) return undefined;
  return [
    scope.slice(0, last),
    scope
      .slice(last + 1)
      .split(',')
      .filter(Boolean),
  ];
}

/** Merges scope strings (space-separated lists allowed) into a {@link ScopeSet}. */
export function mergeScopes(...lists: ReadonlyArray<string | undefined>): ScopeSet {
  const merged = new Map<string, Set<string>>();
  for (const list of lists) {
    for (const scope of (list ?? '').split(' ').filter(Boolean)) {
      const parts = splitScope(scope);
      if (!parts) continue;
      const [resource, actions] = parts;
      const set = merged.get(resource) ?? new Set<string>();
      for (const action of actions) set.add(action);
      merged.set(resource, set);
    }
  }
  return merged;
}

/** Scope strings, sorted, one per resource. */
export function scopeStrings(scopes: ScopeSet): string[] {
  return [...scopes.entries()]
    .map(([resource, actions]) => `${resource}:${[...actions].sort().join(',')}`)
    .sort();
}

/** True when every action in `wanted` is present in `held`. */
export function scopesCover(held: ScopeSet, wanted: ScopeSet): boolean {
  for (const [resource, actions] of wanted) {
    const have = held.get(resource);
    if (!have) return false;
    if (have.has('*')) continue;
    for (const action of actions) if (!have.has(action)) return false;
  }
  return true;
}
