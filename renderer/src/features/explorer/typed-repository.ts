/**
 * What the user typed to open a repository (UI.md S5 "type a repository name"): a full
 * `oras://HOST/REPO[:TAG]`, a `HOST/REPO`, or a path on the chosen account's registry.
 */

/** A repository to open, with the tag to select when one was typed. */
export interface TypedRepository {
  readonly registry: string;
  readonly repository: string;
  readonly tag?: string;
}

const PATH = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;

/** A first path segment that names a host: it has a dot or a port, or is localhost. */
function isHost(segment: string): boolean {
  return segment.includes('.') || segment.includes(':') || segment === 'localhost';
}

/** Parses `text`; a bare path needs `registry` (the chosen account's). Says why when it cannot. */
export function parseTypedRepository(
  text: string,
  registry: string | undefined,
): TypedRepository | { readonly error: string } {
  let rest = text.trim().replace(/^oras:\/\//, '');
  if (rest === '') return { error: 'Type a repository, such as genomics/bwa.' };
  const [first, ...others] = rest.split('/');
  let host = registry;
  if (others.length > 0 && isHost(first!)) {
    host = first!;
    rest = others.join('/');
  }
  if (!host)
    return { error: 'Choose an account, or type the registry too: oras://HOST/REPOSITORY.' };
  const at = rest.indexOf('@');
  if (at >= 0) rest = rest.slice(0, at);
  const colon = rest.lastIndexOf(':');
  const tag = colon > rest.lastIndexOf('/') && colon >= 0 ? rest.slice(colon + 1) : undefined;
  const repository = tag === undefined ? rest : rest.slice(0, colon);
  if (!PATH.test(repository)) {
    return {
      error: `"${repository}" is not a repository name: lowercase letters, digits, . _ - and /.`,
    };
  }
  if (tag !== undefined && !TAG.test(tag)) return { error: `"${tag}" is not a valid tag.` };
  return { registry: host, repository, ...(tag ? { tag } : {}) };
}
