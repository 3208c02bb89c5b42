/** A suggestion with why it is there ("pinned", "recent"); the shape `ComboField` takes. */
export interface RepositoryOption {
  readonly value: string;
  readonly detail?: string;
}

/**
 * The repositories a picker suggests for one account: pinned first, then recently opened,
 * then the rest of the catalog in its order, each once.
 */
export function repositoryOptions(
  pinned: readonly string[] = [],
  recent: readonly string[] = [],
  catalog: readonly string[] = [],
): RepositoryOption[] {
  const seen = new Set<string>();
  const out: RepositoryOption[] = [];
  const add = (values: readonly string[], detail?: string): void => {
    for (const value of values) {
      if (seen.has(value)) continue;
      seen.add(value);
      out.push(detail ? { value, detail } : { value });
    }
  };
  add(pinned, 'pinned');
  add(recent, 'recent');
  add(catalog);
  return out;
}
