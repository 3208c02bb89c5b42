/**
 * One entry of a token's `access` claim, and also one requested scope
 * (`TYPE[(CLASS)]:NAME:ACTIONS`, spec §4.4).
 */
export interface Access {
  readonly type: string;
  readonly name: string;
  readonly actions: readonly string[];
}

/**
 * What a user holds: `name` may contain `*` wildcards (`public/*`), and the action `*` means
 * "every action asked for".
 */
export type Grant = Access;

/**
 * Parses `TYPE[(CLASS)]:NAME:ACTIONS`. NAME may itself contain `:` (a `host:port` prefix), so
 * the string is split on its first and last colon (spec §4.4). Returns undefined for anything
 * that is not a scope; the class suffix is dropped.
 */
export function parseScope(scope: string): Access | undefined {
  const first = scope.indexOf(':');
  const last = scope.lastIndexOf(':');
  if (first <= 0 || last <= first + 1) return undefined;
  const type = scope.slice(0, first).replace(/\(.*\)$/, '');
  const name = scope.slice(first + 1, last);
  const actions = scope
    .slice(last + 1)
    .split(',')
    .filter((action) => action !== '');
  return { type, name, actions };
}

/** Formats an access entry back into the scope grammar (`repository:a/b:pull,push`). */
export function formatScope(access: Access): string {
  return `${access.type}:${access.name}:${access.actions.join(',')}`;
}

function globToRegExp(pattern: string): RegExp {
  const escaped = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.*')}$`);
}

/**
 * Intersects the requested scopes with the grants a user holds. Lacking rights is not an error
 * (spec §4.2): a scope the user may not use comes back with an empty action list. Scopes that
 * name the same resource are merged, as distribution expects one entry per resource.
 */
export function authorize(requested: readonly Access[], grants: readonly Grant[]): Access[] {
  const result = new Map<string, { type: string; name: string; actions: string[] }>();
  for (const scope of requested) {
    const held = new Set<string>();
    for (const grant of grants) {
      if (grant.type !== scope.type || !globToRegExp(grant.name).test(scope.name)) continue;
      for (const action of grant.actions) held.add(action);
    }
    const granted = scope.actions.filter((action) => held.has('*') || held.has(action));
    const key = `${scope.type}\u0000${scope.name}`;
    const entry = result.get(key) ?? { type: scope.type, name: scope.name, actions: [] };
    for (const action of granted) if (!entry.actions.includes(action)) entry.actions.push(action);
    result.set(key, entry);
  }
  return [...result.values()];
}
