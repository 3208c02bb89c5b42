/** One path component of an OCI repository name (distribution spec). */
const COMPONENT = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/;

/** What "Add by name" understood from what was typed, or why it is not a repository name. */
export type RepositoryName =
  | { readonly ok: true; readonly repository: string }
  | { readonly ok: false; readonly problem: string };

/**
 * The repository a user typed or pasted for `registry` (UI.md S3 "Add repository by
 * name"): `genomics/bwa`, or a whole `oras://HOST/genomics/bwa:0.7` whose host must be this
 * registry; a tag or digest is dropped. Checked against the OCI name grammar, and against
 * the account's namespace when it is scoped.
 */
export function parseRepositoryName(
  input: string,
  registry: string,
  namespace?: string,
): RepositoryName {
  let text = input.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  if (!text) return { ok: false, problem: 'Type the repository, for example genomics/bwa.' };
  const first = text.split('/')[0] ?? '';
  if (first.includes('.') || first.includes(':') || first === 'localhost') {
    if (first.toLowerCase() !== registry.toLowerCase()) {
      return { ok: false, problem: `That reference is on ${first}, not on ${registry}.` };
    }
    text = text.slice(first.length + 1);
  }
  const repository = text
    .replace(/@.*$/, '')
    .replace(/:[^/]*$/, '')
    .replace(/\/+$/, '');
  const bad = repository.split('/').find((part) => !COMPONENT.test(part));
  if (!repository || bad !== undefined) {
    return {
      ok: false,
      problem: `"${bad ?? repository}" is not a repository name: lower-case letters, digits and . _ - between them, parts joined by /.`,
    };
  }
  if (repository.length > 255)
    return { ok: false, problem: 'A repository name has at most 255 characters.' };
  if (namespace && repository !== namespace && !repository.startsWith(`${namespace}/`)) {
    return { ok: false, problem: `This account is for repositories under ${namespace}/.` };
  }
  return { ok: true, repository };
}
