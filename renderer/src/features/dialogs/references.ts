import type { AccountItem } from '../../store/domain.js';

/**
 * `oras://` references as the dialogs need them (UI.md S8): their parts, the file a pull
 * writes, and the account that answers for them. The host parses every reference again
 * (`parseReference`); this only splits well-formed ones for display and grouping.
 */

/** The parts of `oras://HOST/REPO[:TAG][@DIGEST]`. */
export interface RefParts {
  readonly registry: string;
  readonly repository: string;
  readonly tag?: string;
  readonly digest?: string;
}

const REF =
  /^(?:oras:\/\/)?([^/]+)\/([^:@]+(?:\/[^:@]+)*)(?::([^@/]+))?(?:@(sha256:[a-f0-9]{64}))?$/;

/** The parts of a reference, or undefined when it is not `HOST/REPO[:TAG][@DIGEST]`. */
export function refParts(reference: string): RefParts | undefined {
  const m = REF.exec(reference.trim());
  if (!m) return undefined;
  const [, registry = '', repository = '', tag, digest] = m;
  return { registry, repository, ...(tag ? { tag } : {}), ...(digest ? { digest } : {}) };
}

/** `oras://HOST/REPO` of a reference: what `registry:details` takes. */
export function repositoryRef(parts: RefParts): string {
  return `oras://${parts.registry}/${parts.repository}`;
}

/** `repo:tag` or `repo@sha256:ab12cd34ef56`, short enough for a list. */
export function shortRef(parts: RefParts): string {
  if (parts.tag) return `${parts.repository}:${parts.tag}`;
  return `${parts.repository}@${(parts.digest ?? '').slice(0, 19)}`;
}

/**
 * The file a pull writes: `{repo}_{tag}.sif` from the last part of the repository (as the
 * engine names it when the image has no usable title), `_latest` without a tag.
 */
export function pullFileName(parts: RefParts): string {
  const repo = parts.repository.split('/').pop() ?? parts.repository;
  const tag = parts.tag ?? (parts.digest ? parts.digest.slice(7, 19) : 'latest');
  return `${repo}_${tag}.sif`;
}

/**
 * The account the host logs in with for `repository` on `registry`: the one scoped to the
 * longest namespace holding it, else a host-wide one (as the engine's `pickAccount`).
 */
export function accountFor(
  accounts: readonly AccountItem[],
  parts: Pick<RefParts, 'registry' | 'repository'>,
): AccountItem | undefined {
  const inside = (ns: string) => parts.repository === ns || parts.repository.startsWith(`${ns}/`);
  return accounts
    .filter((a) => a.registry === parts.registry && (!a.namespace || inside(a.namespace)))
    .sort((a, b) => (b.namespace?.length ?? 0) - (a.namespace?.length ?? 0))[0];
}
